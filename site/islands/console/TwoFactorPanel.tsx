/**
 * Two-factor login for the signed-in operator (docs/chat-protocol.md "Accounts"): set it up with
 * an authenticator app (the server's QR code, and the key in text for typing in), confirm it
 * with the app's code, or move it to a new phone (needs the current code). Also the compulsory
 * setup after login when the server requires two-factor login (`required`).
 *
 * The QR code is the server's own SVG, shown as an image from a data: URL: an image cannot run
 * script, the page's CSP allows data: images, and nothing is inserted as markup.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { OperatorMe, TwoFactorSetup } from '../../../chat-server/src/protocol';
import { adminText as t, type AdminKey } from './admin-strings';
import { confirmTwoFactor, setUpTwoFactor, type ApiResult } from './admin-api';

interface Props {
  /** Two-factor login is on for this account now. */
  on: boolean;
  /** The server requires it and this session may do nothing else yet (after login). */
  required?: boolean;
  onConfirmed: (me: OperatorMe) => void;
}

/** The key as the app asks for it, in groups of four for reading. */
const secretOf = (uri: string) => (new URL(uri).searchParams.get('secret') ?? '').replace(/(.{4})(?=.)/g, '$1 ');

const imageOf = (svg: string) => `data:image/svg+xml;base64,${btoa(svg)}`;

function problemKey(result: Extract<ApiResult<unknown>, { ok: false }>): AdminKey {
  if (result.error === 'totp-invalid') return 'twoFactor.wrongCode';
  if (result.error === 'invalid-payload') return 'twoFactor.codeFormat';
  if (result.status === 409 || result.status === 401) return 'twoFactor.expired';
  if (result.status === 429) return 'twoFactor.locked';
  return 'accounts.error.unavailable';
}

/** A field for a six-digit code from the app: numeric keyboard, the one-time-code autofill. */
function CodeField(props: { id: string; label: string; value: string; onValue: (value: string) => void }) {
  return (
    <div class="console-field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        class="console-code"
        inputMode="numeric"
        autocomplete="one-time-code"
        pattern="[0-9 ]*"
        maxLength={7}
        spellcheck={false}
        value={props.value}
        onInput={(e) => props.onValue(e.currentTarget.value)}
      />
    </div>
  );
}

export function TwoFactorPanel({ on, required = false, onConfirmed }: Props) {
  const [setup, setSetup] = useState<TwoFactorSetup | null>(null);
  const [currentCode, setCurrentCode] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const scanStep = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (required) heading.current?.focus();
  }, []);
  // The QR code appears: focus goes to its first instruction, so a screen reader reads on from there.
  useEffect(() => {
    if (setup) scanStep.current?.focus();
  }, [setup]);

  const start = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await setUpTwoFactor(on ? currentCode : undefined);
    setBusy(false);
    if (!result.ok)
      return setError(t(on && result.error === 'totp-required' ? 'twoFactor.codeFormat' : problemKey(result)));
    setCurrentCode('');
    setDone(false);
    setSetup(result.data);
  };

  const confirm = async (event: Event) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.replace(/\s/g, ''))) return setError(t('twoFactor.codeFormat'));
    setBusy(true);
    setError(null);
    const result = await confirmTwoFactor(code);
    setBusy(false);
    setCode('');
    if (!result.ok) return setError(t(problemKey(result)));
    setSetup(null);
    setDone(true);
    onConfirmed(result.data);
  };

  return (
    <section class={required ? 'console-2fa console-login' : 'console-2fa'} aria-labelledby="console-2fa-title">
      <h2 id="console-2fa-title" tabIndex={-1} ref={heading}>
        {t('twoFactor.title')}
      </h2>
      <p>{t(required ? 'twoFactor.required' : 'twoFactor.intro')}</p>
      <p role="status">{done ? t('twoFactor.done') : setup ? '' : t(on ? 'twoFactor.on' : 'twoFactor.off')}</p>
      {error && (
        <p class="console-error" role="alert">
          {error}
        </p>
      )}

      {!setup && (
        <form class="console-2fa__form" onSubmit={(event) => void start(event)} noValidate>
          {on && <p>{t('twoFactor.newPhone.intro')}</p>}
          {on && (
            <CodeField
              id="console-2fa-current"
              label={t('twoFactor.currentCode')}
              value={currentCode}
              onValue={setCurrentCode}
            />
          )}
          <button type="submit" class="button" disabled={busy}>
            {t(on ? 'twoFactor.newPhone' : 'twoFactor.start')}
          </button>
        </form>
      )}

      {setup && (
        <form class="console-2fa__form" onSubmit={(event) => void confirm(event)} noValidate>
          <p tabIndex={-1} ref={scanStep}>
            {t('twoFactor.scan')}
          </p>
          <img class="console-2fa__qr" src={imageOf(setup.qrSvg)} alt={t('twoFactor.qrAlt')} width={224} height={224} />
          <p>{t('twoFactor.manual')}</p>
          <p>
            <code class="console-2fa__secret" data-testid="totp-secret">
              {secretOf(setup.otpauthUri)}
            </code>
          </p>
          <CodeField id="console-2fa-code" label={t('twoFactor.confirmCode')} value={code} onValue={setCode} />
          <button type="submit" class="button" disabled={busy}>
            {t('twoFactor.confirm')}
          </button>
        </form>
      )}
    </section>
  );
}
