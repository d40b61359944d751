/**
 * Opt-in alerts for a new waiting chat: a short tone (Web Audio, no file to fetch) and/or a
 * desktop notification. Off by default; the choice lives in the tab only.
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
