/**
 * After a login with a temporary password (set by a supervisor): choose one's own before
 * anything else. The temporary password stays in memory from the login form only for this call.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { PASSWORD_MIN_LENGTH } from '../../../chat-server/src/protocol';
import { adminText as t } from './admin-strings';
import { changePassword } from './admin-api';

interface Props {
  temporary: string;
  /** `twoFactorSetupRequired`: the server requires two-factor login and it is not set up yet. */
  onChanged: (step?: 'twoFactorSetupRequired') => void;
}

export function PasswordChangeForm({ temporary, onChanged }: Props) {
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (next.length < PASSWORD_MIN_LENGTH) return setError(t('password.tooShort'));
    if (next !== repeat) return setError(t('password.mismatch'));
    if (next === temporary) return setError(t('password.same'));
    setBusy(true);
    const result = await changePassword(temporary, next);
    setBusy(false);
    if (result.ok) return onChanged('twoFactorSetupRequired' in result.data ? 'twoFactorSetupRequired' : undefined);
    setError(
      result.error === 'wrong-password'
        ? t('password.wrong')
        : result.status === 400
          ? t('password.tooShort')
          : t('accounts.error.unavailable'),
    );
  };

  return (
    <form
      class="console-login"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="console-password-title"
    >
      <h2 id="console-password-title" tabIndex={-1} ref={heading}>
        {t('password.title')}
      </h2>
      <p>{t('password.intro')}</p>
      {error && (
        <p class="console-error" role="alert">
          {error}
        </p>
      )}
      {/* For password managers: the account this new password belongs to is the one just used. */}
      <div class="console-field">
        <label for="console-new-password">{t('password.next')}</label>
        <input
          id="console-new-password"
          type="password"
          autocomplete="new-password"
          minLength={PASSWORD_MIN_LENGTH}
          value={next}
          onInput={(e) => setNext(e.currentTarget.value)}
        />
      </div>
      <div class="console-field">
        <label for="console-repeat-password">{t('password.repeat')}</label>
        <input
          id="console-repeat-password"
          type="password"
          autocomplete="new-password"
          value={repeat}
          onInput={(e) => setRepeat(e.currentTarget.value)}
        />
      </div>
      <button type="submit" class="button" disabled={busy}>
        {t('password.submit')}
      </button>
    </form>
  );
}
