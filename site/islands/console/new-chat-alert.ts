/**
 * Alerts. For a new waiting chat (opt-in, off by default): a short tone (Web Audio, no file to
 * fetch) and/or a desktop notification. For someone in danger: an alarm of its own, on by
 * default, which staff can switch off. The choices are kept in this browser until logout
 * (device-memory.ts; only the choices, nothing about any visitor).
 */
export interface AlertChoice {
  sound: boolean;
  desktop: boolean;
}

export function playTone(): void {
  try {
    const audio = new AudioContext();
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = 660;
    gain.gain.setValueAtTime(0.15, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.6);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + 0.6);
    oscillator.onended = () => void audio.close();
  } catch {
    // No audio device or blocked: the console still shows the queue.
  }
}

/**
 * The in-danger alarm: three rising two-tone pulses, generated here (Web Audio API), so it is
 * unlike the new-chat tone and needs nothing from another origin.
 */
export function playAlarm(): void {
  try {
    const audio = new AudioContext();
    const start = audio.currentTime;
    const pulses = [0, 0.32, 0.64];
    for (const [index, at] of pulses.entries()) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = 'triangle';
      oscillator.frequency.setValueAtTime(740, start + at);
      oscillator.frequency.setValueAtTime(988, start + at + 0.12);
      gain.gain.setValueAtTime(0.0001, start + at);
      gain.gain.exponentialRampToValueAtTime(0.25, start + at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + at + 0.26);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + at);
      oscillator.stop(start + at + 0.28);
      if (index === pulses.length - 1) oscillator.onended = () => void audio.close();
    }
  } catch {
    // No audio device or blocked: the alarm is still on screen.
  }
}

export async function askDesktopPermission(): Promise<boolean> {
  if (!('Notification' in window)) return false;
  if (Notification.permission === 'granted') return true;
  return (await Notification.requestPermission()) === 'granted';
}

export function showDesktop(title: string, body: string): void {
  if (!('Notification' in window) || Notification.permission !== 'granted') return;
  try {
    // No message text or visitor detail: a notification can be seen by anyone near the screen.
    new Notification(title, { body, tag: 'ghnt-new-chat' });
  } catch {
    // Some browsers allow notifications only from a service worker.
  }
}
