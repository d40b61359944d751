/**
 * Staff log in with a username and password; the server sets an httpOnly session cookie. With
 * two-factor login on, the server answers `totp-required` after the right password and the form
 * asks for the app's code. A temporary password (from a supervisor) leads to choosing one's own
 * first; a server that requires two-factor login then leads to setting it up (TwoFactorPanel).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { OperatorMe } from '../../../chat-server/src/protocol';
import { adminText } from './admin-strings';
import { PasswordChangeForm } from './PasswordChangeForm';
import { TwoFactorPanel } from './TwoFactorPanel';
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
  const [needsCode, setNeedsCode] = useState(false);
  const [code, setCode] = useState('');
  const [setupRequired, setSetupRequired] = useState(false);
  const codeField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (needsCode) codeField.current?.focus();
  }, [needsCode]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!username || !password) {
      setError(strings['chat.console.login.missing']);
      return;
    }
    if (needsCode && !/^\d{6}$/.test(code.replace(/\s/g, ''))) {
      setError(adminText('twoFactor.codeFormat'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const response = await fetch('/api/operator/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ username, password, ...(needsCode ? { code } : {}) }),
      });
      const body = (await response.json().catch(() => ({}))) as {
        data?: Partial<OperatorMe> & { mustChangePassword?: true; twoFactorSetupRequired?: true };
        error?: string;
      };
      setCode('');
      if (response.ok) {
        setPassword('');
        setNeedsCode(false);
        if (body.data?.mustChangePassword) setTemporary(password);
        else if (body.data?.twoFactorSetupRequired) setSetupRequired(true);
        else onLoggedIn();
        return;
      }
      // The password was right; the app's code is asked next (the password stays for that request).
      if (body.error === 'totp-required') return setNeedsCode(true);
      if (body.error === 'totp-invalid') return setError(adminText('login.code.wrong'));
      setNeedsCode(false);
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

  if (setupRequired) return <TwoFactorPanel on={false} required onConfirmed={() => onLoggedIn()} />;
  if (temporary !== null) {
    return (
      <PasswordChangeForm
        temporary={temporary}
        onChanged={(step) => {
          setTemporary(null);
          if (step === 'twoFactorSetupRequired') setSetupRequired(true);
          else onLoggedIn();
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
      {needsCode && (
        <>
          <p id="console-code-intro">{adminText('login.code.intro')}</p>
          <div class="console-field">
            <label for="console-code">{adminText('login.code')}</label>
            <input
              id="console-code"
              name="code"
              aria-describedby="console-code-intro"
              ref={codeField}
              inputMode="numeric"
              autocomplete="one-time-code"
              pattern="[0-9 ]*"
              maxLength={7}
              spellcheck={false}
              value={code}
              onInput={(e) => setCode(e.currentTarget.value)}
            />
          </div>
        </>
      )}
      <button type="submit" class="button" disabled={busy}>
        {strings['chat.console.login.submit']}
      </button>
    </form>
  );
}
