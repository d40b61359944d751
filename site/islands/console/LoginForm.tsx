/**
 * Staff log in with a username and password; the server sets an httpOnly session cookie. A
 * temporary password (from a supervisor) leads to choosing one's own first.
 */
import { useState } from 'preact/hooks';
import { PasswordChangeForm } from './PasswordChangeForm';
import type { ConsoleStrings } from './types';

interface Props {
  strings: ConsoleStrings;
  onLoggedIn: () => void;
}

export function LoginForm({ strings, onLoggedIn }: Props) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [temporary, setTemporary] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!username || !password) {
      setError(strings['chat.console.login.missing']);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const response = await fetch('/api/operator/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ username, password }),
      });
      if (response.ok) {
        const body = (await response.json().catch(() => ({}))) as { data?: { mustChangePassword?: boolean } };
        setPassword('');
        if (body.data?.mustChangePassword) setTemporary(password);
        else onLoggedIn();
        return;
      }
      setError(
        response.status === 429
          ? strings['chat.console.login.locked']
          : response.status === 401 || response.status === 400
            ? strings['chat.console.login.wrong']
            : strings['chat.console.error.unavailable'],
      );
    } catch {
      setError(strings['chat.console.error.unavailable']);
    } finally {
      setBusy(false);
    }
  };

  if (temporary !== null) {
    return (
      <PasswordChangeForm
        temporary={temporary}
        onChanged={() => {
          setTemporary(null);
          onLoggedIn();
        }}
      />
    );
  }

  return (
    <form
      class="console-login"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="console-login-title"
    >
      <h2 id="console-login-title">{strings['chat.console.login.title']}</h2>
      {error && (
        <p class="console-error" role="alert">
          {error}
        </p>
      )}
      <div class="console-field">
        <label for="console-username">{strings['chat.console.login.username']}</label>
        <input
          id="console-username"
          name="username"
          autocomplete="username"
          value={username}
          onInput={(e) => setUsername(e.currentTarget.value)}
        />
      </div>
      <div class="console-field">
        <label for="console-password">{strings['chat.console.login.password']}</label>
        <input
          id="console-password"
          name="password"
          type="password"
          autocomplete="current-password"
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
      </div>
      <button type="submit" class="button" disabled={busy}>
        {strings['chat.console.login.submit']}
      </button>
    </form>
  );
}
