/**
 * Accounts, for supervisors: the list, a new account with its temporary password shown once,
 * disable / enable, a new temporary password, and two-factor login off (a lost phone). Everything is a real button or form field, so
 * it works with the keyboard alone; results are announced in a status region, errors as alerts.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { LANG_CODES, type AdminOperator } from '../../../chat-server/src/protocol';
import { adminText as t } from './admin-strings';
import { createOperator, listOperators, resetPassword, updateOperator, type ApiResult } from './admin-api';

interface Props {
  /** Language code → its own name. */
  languages: Record<string, string>;
  /** The signed-in supervisor's id (their own row says "(jij)"). */
  me: string | undefined;
}

type Notice = { kind: 'status' | 'alert'; text: string } | null;

function problem(result: Extract<ApiResult<unknown>, { ok: false }>): string {
  if (result.status === 409 && result.message === 'username-taken') return t('accounts.error.taken');
  if (result.status === 409 && result.message === 'last-supervisor') return t('accounts.error.lastSupervisor');
  if (result.status === 400) return t('accounts.error.invalid', { message: result.message ?? result.error });
  if (result.status === 403 || result.status === 401) return t('accounts.error.forbidden');
  return t('accounts.error.unavailable');
}

/** Role, languages, alias and region of one account, in a disclosure in its row. */
/** A text field of the new-account form with its hint below it (read out with the field). */
function HintedField(props: {
  id: string;
  name: string;
  label: string;
  hint: string;
  value: string;
  onValue: (value: string) => void;
  required?: boolean;
  spellcheck?: boolean;
}) {
  const { id, name, label, hint, value, onValue, required, spellcheck } = props;
  return (
    <div class="console-field">
      <label for={id}>{label}</label>
      <input
        id={id}
        name={name}
        required={required}
        autocomplete="off"
        spellcheck={spellcheck}
        aria-describedby={`${id}-hint`}
        value={value}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
      <p id={`${id}-hint`} class="console-hint">
        {hint}
      </p>
    </div>
  );
}

/** The role and the languages of an account: the same fields when creating and when editing one. */
function RoleAndLanguages(props: {
  idPrefix: string;
  role: 'operator' | 'supervisor';
  setRole: (role: 'operator' | 'supervisor') => void;
  chosen: string[];
  setChosen: (update: (list: string[]) => string[]) => void;
  languages: Record<string, string>;
}) {
  const { idPrefix: key, role, setRole, chosen, setChosen, languages } = props;
  return (
    <>
      <div class="console-field">
        <label for={`${key}-role`}>{t('accounts.role')}</label>
        <select
          id={`${key}-role`}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value as 'operator' | 'supervisor')}
        >
          <option value="operator">{t('accounts.role.operator')}</option>
          <option value="supervisor">{t('accounts.role.supervisor')}</option>
        </select>
      </div>
      <fieldset class="console-accounts__languages">
        <legend>{t('accounts.languages')}</legend>
        {LANG_CODES.map((code) => (
          <div class="console-choice" key={code}>
            <input
              id={`${key}-lang-${code}`}
              type="checkbox"
              checked={chosen.includes(code)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setChosen((list) => (on ? [...list, code] : list.filter((c) => c !== code)));
              }}
            />
            <label for={`${key}-lang-${code}`} lang={code}>
              {languages[code] ?? code}
            </label>
          </div>
        ))}
      </fieldset>
    </>
  );
}

function EditAccount({
  account,
  languages,
  onSaved,
  onProblem,
}: {
  account: AdminOperator;
  languages: Record<string, string>;
  onSaved: (account: AdminOperator) => void;
  onProblem: (text: string) => void;
}) {
  const [role, setRole] = useState(account.role);
  const [chosen, setChosen] = useState<string[]>(account.languages);
  const [displayName, setDisplayName] = useState(account.displayName);
  const [region, setRegion] = useState(account.region ?? '');
  const details = useRef<HTMLDetailsElement>(null);
  const key = `edit-${account.id}`;

  const save = async (event: Event) => {
    event.preventDefault();
    if (chosen.length === 0) return onProblem(t('accounts.error.languages'));
    const result = await updateOperator(account.id, {
      role,
      languages: LANG_CODES.filter((code) => chosen.includes(code)),
      ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
      ...(region.trim() ? { region: region.trim() } : {}),
    });
    if (!result.ok) return onProblem(problem(result));
    if (details.current) details.current.open = false;
    onSaved(result.data);
  };

  return (
    <details class="console-accounts__edit" ref={details}>
      <summary aria-label={`${t('accounts.edit')}: ${account.username}`}>{t('accounts.edit')}</summary>
      <form
        onSubmit={(event) => void save(event)}
        aria-label={t('accounts.edit.title', { username: account.username })}
      >
        <RoleAndLanguages
          idPrefix={key}
          role={role}
          setRole={setRole}
          chosen={chosen}
          setChosen={setChosen}
          languages={languages}
        />
        <div class="console-field">
          <label for={`${key}-name`}>{t('accounts.displayName')}</label>
          <input id={`${key}-name`} value={displayName} onInput={(e) => setDisplayName(e.currentTarget.value)} />
        </div>
        <div class="console-field">
          <label for={`${key}-region`}>{t('accounts.region')}</label>
          <input
            id={`${key}-region`}
            spellcheck={false}
            value={region}
            onInput={(e) => setRegion(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button">
          {t('accounts.edit.submit')}
        </button>
      </form>
    </details>
  );
}

export function AccountsPanel({ languages, me }: Props) {
  const [accounts, setAccounts] = useState<AdminOperator[] | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [secret, setSecret] = useState<{ username: string; password: string } | null>(null);
  const secretRef = useRef<HTMLDivElement>(null);

  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<'operator' | 'supervisor'>('operator');
  const [chosen, setChosen] = useState<string[]>(['nl']);
  const [region, setRegion] = useState('');
  const [busy, setBusy] = useState(false);

  const load = async () => {
    const result = await listOperators();
    if (result.ok) setAccounts(result.data);
    else setNotice({ kind: 'alert', text: problem(result) });
  };

  useEffect(() => {
    void load();
  }, []);

  // The temporary password gets the focus, so a screen reader reads it out at once.
  useEffect(() => {
    if (secret) secretRef.current?.focus();
  }, [secret]);

  const create = async (event: Event) => {
    event.preventDefault();
    if (chosen.length === 0) return setNotice({ kind: 'alert', text: t('accounts.error.languages') });
    setBusy(true);
    const result = await createOperator({
      username: username.trim(),
      role,
      languages: LANG_CODES.filter((code) => chosen.includes(code)),
      ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
      ...(region.trim() ? { region: region.trim() } : {}),
    });
    setBusy(false);
    if (!result.ok) return setNotice({ kind: 'alert', text: problem(result) });
    setNotice({ kind: 'status', text: t('accounts.created', { username: result.data.operator.username }) });
    setSecret({ username: result.data.operator.username, password: result.data.temporaryPassword });
    setUsername('');
    setDisplayName('');
    setRegion('');
    setRole('operator');
    setChosen(['nl']);
    await load();
  };

  const toggle = async (account: AdminOperator) => {
    if (!account.disabled && !window.confirm(t('accounts.confirmDisable', { username: account.username }))) return;
    const result = await updateOperator(account.id, { disabled: !account.disabled });
    if (!result.ok) return setNotice({ kind: 'alert', text: problem(result) });
    setNotice({ kind: 'status', text: t('accounts.updated', { username: account.username }) });
    await load();
  };

  const twoFactorOff = async (account: AdminOperator) => {
    if (!window.confirm(t('accounts.confirmTwoFactorOff', { username: account.username }))) return;
    const result = await updateOperator(account.id, { twoFactor: false });
    if (!result.ok) return setNotice({ kind: 'alert', text: problem(result) });
    setNotice({ kind: 'status', text: t('accounts.updated', { username: account.username }) });
    await load();
  };

  const reset = async (account: AdminOperator) => {
    if (!window.confirm(t('accounts.confirmReset', { username: account.username }))) return;
    const result = await resetPassword(account.id);
    if (!result.ok) return setNotice({ kind: 'alert', text: problem(result) });
    setSecret({ username: account.username, password: result.data.temporaryPassword });
    await load();
  };

  return (
    <section class="console-accounts" aria-labelledby="console-accounts-title">
      <h2 id="console-accounts-title">{t('accounts.title')}</h2>
      <p>{t('accounts.intro')}</p>

      <div role="status" class="console-accounts__status">
        {notice?.kind === 'status' ? notice.text : ''}
      </div>
      {notice?.kind === 'alert' && (
        <p class="console-error" role="alert">
          {notice.text}
        </p>
      )}

      {secret && (
        <div class="console-secret" ref={secretRef} tabIndex={-1} aria-labelledby="console-secret-text">
          <p id="console-secret-text">{t('accounts.temporary', { username: secret.username })}</p>
          <p class="console-secret__password" data-testid="temporary-password" translate={false}>
            {secret.password}
          </p>
          <button type="button" class="button button--secondary" onClick={() => setSecret(null)}>
            {t('accounts.temporary.hide')}
          </button>
        </div>
      )}

      <h3 id="console-accounts-list">{t('accounts.list')}</h3>
      {accounts === null ? (
        <p>{t('accounts.loading')}</p>
      ) : (
        <div class="console-accounts__scroll">
          <table class="console-table console-accounts__table" aria-labelledby="console-accounts-list">
            <thead>
              <tr>
                <th scope="col">{t('accounts.username')}</th>
                <th scope="col">{t('accounts.displayName')}</th>
                <th scope="col">{t('accounts.role')}</th>
                <th scope="col">{t('accounts.languages')}</th>
                <th scope="col">{t('accounts.region')}</th>
                <th scope="col">{t('accounts.status')}</th>
                <th scope="col">{t('accounts.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((account) => (
                <tr key={account.id} data-account={account.id} class={account.disabled ? 'console-row--disabled' : ''}>
                  <th scope="row">
                    {account.username} {account.id === me && t('accounts.you')}
                  </th>
                  <td>{account.displayName}</td>
                  <td>{t(`accounts.role.${account.role}`)}</td>
                  <td>{account.languages.map((code) => languages[code] ?? code).join(', ')}</td>
                  <td>{account.region ?? ''}</td>
                  <td>
                    {account.disabled ? t('accounts.disabled') : t('accounts.active')}
                    {account.mustChangePassword && `, ${t('accounts.mustChange')}`}
                    {account.twoFactor && `, ${t('accounts.twoFactorOn')}`}
                  </td>
                  <td>
                    <div class="console-accounts__buttons">
                      {/* The visible word first, then the account, in the name a screen reader says (WCAG 2.5.3). */}
                      <button
                        type="button"
                        class="button button--secondary"
                        aria-label={`${t(account.disabled ? 'accounts.enable' : 'accounts.disable')}: ${account.username}`}
                        onClick={() => void toggle(account)}
                      >
                        {t(account.disabled ? 'accounts.enable' : 'accounts.disable')}
                      </button>
                      <button
                        type="button"
                        class="button button--secondary"
                        aria-label={`${t('accounts.reset')}: ${account.username}`}
                        onClick={() => void reset(account)}
                      >
                        {t('accounts.reset')}
                      </button>
                      {account.twoFactor && (
                        <button
                          type="button"
                          class="button button--secondary"
                          aria-label={`${t('accounts.twoFactorOff')}: ${account.username}`}
                          onClick={() => void twoFactorOff(account)}
                        >
                          {t('accounts.twoFactorOff')}
                        </button>
                      )}
                      <EditAccount
                        key={`${account.id}:${account.role}:${account.languages.join()}:${account.displayName}:${account.region ?? ''}`}
                        account={account}
                        languages={languages}
                        onProblem={(text) => setNotice({ kind: 'alert', text })}
                        onSaved={(saved) => {
                          setNotice({ kind: 'status', text: t('accounts.updated', { username: saved.username }) });
                          void load();
                        }}
                      />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <form
        class="console-accounts__form"
        onSubmit={(event) => void create(event)}
        aria-labelledby="console-accounts-new"
      >
        <h3 id="console-accounts-new">{t('accounts.create')}</h3>
        <HintedField
          id="account-username"
          name="username"
          label={t('accounts.username')}
          hint={t('accounts.create.username.hint')}
          value={username}
          onValue={setUsername}
          required
          spellcheck={false}
        />
        <HintedField
          id="account-name"
          name="displayName"
          label={t('accounts.displayName')}
          hint={t('accounts.create.displayName.hint')}
          value={displayName}
          onValue={setDisplayName}
        />
        <RoleAndLanguages
          idPrefix="account"
          role={role}
          setRole={setRole}
          chosen={chosen}
          setChosen={setChosen}
          languages={languages}
        />
        <HintedField
          id="account-region"
          name="region"
          label={t('accounts.region')}
          hint={t('accounts.create.region.hint')}
          value={region}
          onValue={setRegion}
          spellcheck={false}
        />
        <button type="submit" class="button" disabled={busy}>
          {t('accounts.create.submit')}
        </button>
      </form>
    </section>
  );
}
