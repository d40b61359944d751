/**
 * The resume token lives only in sessionStorage: it is gone when the tab closes, it is not sent
 * with any request as a cookie would be, and the quick exit wipes it.
 */
const KEY = 'ghnt.chat.resumeToken';

export function readResumeToken(): string | null {
  try {
    return window.sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function saveResumeToken(token: string): void {
  try {
    window.sessionStorage.setItem(KEY, token);
  } catch {
    // Storage blocked: the chat still works, it just cannot come back after a reload.
  }
}

export function forgetResumeToken(): void {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // Nothing stored then.
  }
}
