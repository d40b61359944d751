/**
 * The questions before a chat: about whom, in danger now, and optionally the theme, the
 * municipality and a nickname. A professional is sent to the phone and not queued; "in danger"
 * shows the 112 advice at once (and the server puts the chat first).
 */
import type { ComponentChild } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { About, VisitorStart } from '../../../chat-server/src/protocol';
import { fill } from './fill';
import { ABOUT_CHOICES, MAX_NICKNAME_LENGTH } from './limits';
import { Phone } from './Phone';
import type { ChatKey, ChatProps } from './types';

interface Props extends Pick<ChatProps, 'lang' | 'strings' | 'themes' | 'municipalities' | 'phones'> {
  busy: boolean;
  onStart: (details: VisitorStart) => void;
  /** Issue 14: the visitor chose (or cleared) their municipality. */
  onMunicipality?: (code: string) => void;
  /** Issue 14: whose chat hours apply, shown under the municipality once chosen. */
  regionHours?: ComponentChild;
}

const ABOUT_LABEL: Record<About, ChatKey> = {
  self: 'chat.about.self',
  child: 'chat.about.child',
  'someone-else': 'chat.about.someoneElse',
  professional: 'chat.about.professional',
};

type Field = 'about' | 'danger' | 'nickname';

export function PreChatForm(props: Props) {
  const { lang, strings, themes, municipalities, phones, busy, onStart, onMunicipality, regionHours } = props;
  const [about, setAbout] = useState<About | null>(null);
  const [inDanger, setInDanger] = useState<boolean | null>(null);
  const [theme, setTheme] = useState('');
  const [municipality, setMunicipality] = useState('');
  const [nickname, setNickname] = useState('');
  const [under18, setUnder18] = useState(false);
  const [errors, setErrors] = useState<Field[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);

  const professional = about === 'professional';

  const submit = (event: Event) => {
    event.preventDefault();
    const found: Field[] = [];
    if (about === null) found.push('about');
    if (inDanger === null) found.push('danger');
    if (nickname.trim().length > MAX_NICKNAME_LENGTH) found.push('nickname');
    setErrors(found);
    if (found.length > 0 || about === null || inDanger === null) {
      // WCAG 3.3.1: the errors are listed at the top and focus moves there.
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    onStart({
      lang,
      about,
      inDanger,
      ...(theme ? { theme } : {}),
      ...(municipality ? { municipality } : {}),
      ...(nickname.trim() ? { nickname: nickname.trim() } : {}),
      ...(under18 ? { under18: true } : {}),
    });
  };

  const errorText: Record<Field, string> = {
    about: strings['chat.error.about'],
    danger: strings['chat.error.danger'],
    nickname: strings['chat.error.nickname'],
  };
  const fieldId: Record<Field, string> = {
    about: 'chat-about-self',
    danger: 'chat-danger-yes',
    nickname: 'chat-nickname',
  };

  return (
    <form class="chat-form" onSubmit={submit} noValidate aria-labelledby="chat-form-title">
      <h2 id="chat-form-title">{strings['chat.form.label']}</h2>
      {lang !== 'nl' && (
        <p class="chat-language-note" data-testid="chat-language-note">
          {strings['chat.language.note']}
        </p>
      )}
      {errors.length > 0 && (
        <div class="chat-error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
          <h3>{strings['chat.error.summary']}</h3>
          <ul>
            {errors.map((field) => (
              <li key={field}>
                <a href={`#${fieldId[field]}`}>{errorText[field]}</a>
              </li>
            ))}
          </ul>
        </div>
      )}

      <fieldset class="chat-field" aria-describedby={errors.includes('about') ? 'chat-about-error' : undefined}>
        <legend>{strings['chat.about.legend']}</legend>
        {errors.includes('about') && (
          <p id="chat-about-error" class="chat-field__error">
            {strings['chat.error.about']}
          </p>
        )}
        {ABOUT_CHOICES.map((choice) => (
          <div class="chat-choice" key={choice}>
            <input
              type="radio"
              name="about"
              id={`chat-about-${choice}`}
              value={choice}
              checked={about === choice}
              onChange={() => setAbout(choice)}
            />
            <label for={`chat-about-${choice}`}>{strings[ABOUT_LABEL[choice]]}</label>
          </div>
        ))}
      </fieldset>

      {professional ? (
        <p class="chat-advice" role="status">
          {fill(strings['chat.professional.advice'], { phone: <Phone number={phones.veiligThuis} /> })}
        </p>
      ) : (
        <>
          <fieldset class="chat-field" aria-describedby={errors.includes('danger') ? 'chat-danger-error' : undefined}>
            <legend>{strings['chat.danger.legend']}</legend>
            {errors.includes('danger') && (
              <p id="chat-danger-error" class="chat-field__error">
                {strings['chat.error.danger']}
              </p>
            )}
            <div class="chat-choice">
              <input
                type="radio"
                name="danger"
                id="chat-danger-yes"
                checked={inDanger === true}
                onChange={() => setInDanger(true)}
              />
              <label for="chat-danger-yes">{strings['chat.danger.yes']}</label>
            </div>
            <div class="chat-choice">
              <input
                type="radio"
                name="danger"
                id="chat-danger-no"
                checked={inDanger === false}
                onChange={() => setInDanger(false)}
              />
              <label for="chat-danger-no">{strings['chat.danger.no']}</label>
            </div>
          </fieldset>
          {inDanger && (
            <p class="chat-advice chat-advice--danger" role="alert">
              <strong>{fill(strings['chat.danger.advice'], { phone: <Phone number={phones.emergency} /> })}</strong>
            </p>
          )}

          <div class="chat-field">
            <div class="chat-choice">
              <input
                type="checkbox"
                id="chat-under18"
                aria-describedby="chat-under18-hint"
                checked={under18}
                onChange={(e) => setUnder18(e.currentTarget.checked)}
              />
              <label for="chat-under18">{strings['chat.under18.label']}</label>
            </div>
            <p id="chat-under18-hint" class="chat-field__hint">
              {strings['chat.under18.hint']}
            </p>
          </div>

          <div class="chat-field">
            <label for="chat-theme">{strings['chat.theme.label']}</label>
            <select id="chat-theme" value={theme} onChange={(e) => setTheme(e.currentTarget.value)}>
              <option value="">{strings['chat.theme.none']}</option>
              {themes.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>

          <div class="chat-field">
            <label for="chat-municipality">{strings['chat.municipality.label']}</label>
            <p id="chat-municipality-hint" class="chat-field__hint">
              {strings['chat.municipality.hint']}
            </p>
            <select
              id="chat-municipality"
              aria-describedby="chat-municipality-hint"
              value={municipality}
              onChange={(e) => {
                setMunicipality(e.currentTarget.value);
                onMunicipality?.(e.currentTarget.value);
              }}
            >
              <option value="">{strings['chat.municipality.none']}</option>
              {municipalities.map((option) => (
                <option key={option.value} value={option.value} lang="nl">
                  {option.label}
                </option>
              ))}
            </select>
            {municipality && regionHours}
          </div>

          <div class="chat-field">
            <label for="chat-nickname">{strings['chat.nickname.label']}</label>
            <p id="chat-nickname-hint" class="chat-field__hint">
              {strings['chat.nickname.hint']}
            </p>
            {errors.includes('nickname') && (
              <p id="chat-nickname-error" class="chat-field__error">
                {strings['chat.error.nickname']}
              </p>
            )}
            <input
              id="chat-nickname"
              type="text"
              autocomplete="off"
              maxLength={MAX_NICKNAME_LENGTH}
              aria-invalid={errors.includes('nickname') || undefined}
              aria-describedby={
                errors.includes('nickname') ? 'chat-nickname-error chat-nickname-hint' : 'chat-nickname-hint'
              }
              value={nickname}
              onInput={(e) => setNickname(e.currentTarget.value)}
            />
          </div>

          <button type="submit" class="button" disabled={busy} aria-disabled={busy || undefined}>
            {busy ? strings['chat.starting'] : strings['chat.start']}
          </button>
        </>
      )}
    </form>
  );
}
