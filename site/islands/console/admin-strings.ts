/**
 * Dutch texts of the console's work-tool parts added with issue 14 (shortcuts, password change,
 * accounts). The console is a Dutch-only staff tool (site/pages/medewerkers/index.astro), so
 * these are not in content/ui/<lang>.json, which every visitor language must translate.
 */
export const adminStrings = {
  'nav.label': 'Onderdelen van de console',
  'nav.work': 'Chats',
  'nav.accounts': 'Accounts',
  'nav.twoFactor': 'Tweestapsverificatie',

  'shortcuts.title': 'Sneltoetsen',
  'shortcuts.intro':
    'Ze werken overal in de console, ook als je in een tekstvak staat. Ze gebruiken Alt+Shift, zodat ze niet botsen met de toetsen van een schermlezer.',
  'shortcuts.acceptNext': 'Volgende chat aannemen',
  'shortcuts.nextConversation': 'Naar het volgende gesprek (berichtvak)',
  'shortcuts.previousConversation': 'Naar het vorige gesprek (berichtvak)',
  'shortcuts.end': 'Gesprek beëindigen: naar de keuze van de uitkomst',
  'shortcuts.status': 'Beschikbaar / afwezig',
  'shortcuts.none': 'Je hebt nu geen gesprek.',

  'password.title': 'Kies een nieuw wachtwoord',
  'password.intro':
    'Je bent ingelogd met een tijdelijk wachtwoord. Kies nu je eigen wachtwoord; daarna kun je aan het werk.',
  'password.next': 'Nieuw wachtwoord (minstens 12 tekens)',
  'password.repeat': 'Nieuw wachtwoord nog een keer',
  'password.submit': 'Wachtwoord opslaan',
  'password.tooShort': 'Het nieuwe wachtwoord moet minstens 12 tekens hebben.',
  'password.mismatch': 'De twee nieuwe wachtwoorden zijn niet gelijk.',
  'password.same': 'Kies een ander wachtwoord dan het tijdelijke.',
  'password.wrong': 'Het tijdelijke wachtwoord klopt niet meer. Log opnieuw in.',

  'login.code': 'Code uit je authenticator-app (6 cijfers)',
  'login.code.intro': 'Je wachtwoord klopt. Vul nu de code uit je authenticator-app in.',
  'login.code.wrong': 'Die code klopt niet of is al gebruikt. Wacht op de volgende code en probeer het opnieuw.',

  'twoFactor.title': 'Tweestapsverificatie',
  'twoFactor.intro':
    'Met tweestapsverificatie log je in met je wachtwoord én een code uit een authenticator-app op je telefoon (bijvoorbeeld Microsoft Authenticator, Google Authenticator of FreeOTP). Zo kan niemand inloggen met alleen je wachtwoord.',
  'twoFactor.required':
    'Voor dit account is tweestapsverificatie verplicht. Stel het nu in; daarna kun je aan het werk.',
  'twoFactor.on': 'Tweestapsverificatie staat aan.',
  'twoFactor.off': 'Tweestapsverificatie staat uit.',
  'twoFactor.start': 'Tweestapsverificatie instellen',
  'twoFactor.newPhone': 'Nieuwe telefoon koppelen',
  'twoFactor.newPhone.intro':
    'Vul de code uit je huidige app in om een nieuwe telefoon te koppelen. Telefoon kwijt? Vraag de dienstleiding om tweestapsverificatie voor je uit te zetten.',
  'twoFactor.currentCode': 'Code uit je huidige app (6 cijfers)',
  'twoFactor.scan': '1. Scan deze QR-code met je authenticator-app.',
  'twoFactor.qrAlt': 'QR-code voor je authenticator-app',
  'twoFactor.manual': 'Lukt scannen niet? Voer deze sleutel met de hand in (tijdgebaseerd, 6 cijfers, 30 seconden):',
  'twoFactor.confirmCode': '2. Vul de code in die de app nu toont (6 cijfers)',
  'twoFactor.confirm': 'Bevestigen en aanzetten',
  'twoFactor.done': 'Tweestapsverificatie staat nu aan. Vanaf de volgende keer inloggen vragen we de code uit je app.',
  'twoFactor.wrongCode': 'Die code klopt niet. Kijk of de tijd op je telefoon goed staat en probeer de volgende code.',
  'twoFactor.codeFormat': 'Vul de 6 cijfers uit de app in.',
  'twoFactor.expired': 'Begin opnieuw: de instelling is verlopen of op een ander apparaat vervangen.',
  'twoFactor.locked': 'Te veel pogingen. Probeer het over een kwartier opnieuw.',

  'accounts.title': 'Accounts',
  'accounts.intro':
    'Maak accounts voor medewerkers, schakel ze uit of geef een nieuw tijdelijk wachtwoord. Een uitgeschakeld account wordt meteen uitgelogd.',
  'accounts.loading': 'Accounts laden…',
  'accounts.list': 'Alle accounts',
  'accounts.username': 'Gebruikersnaam',
  'accounts.displayName': 'Naam voor bezoekers',
  'accounts.role': 'Rol',
  'accounts.languages': 'Talen',
  'accounts.region': 'Regio',
  'accounts.status': 'Status',
  'accounts.actions': 'Acties',
  'accounts.role.operator': 'Medewerker',
  'accounts.role.supervisor': 'Dienstleiding',
  'accounts.active': 'Actief',
  'accounts.disabled': 'Uitgeschakeld',
  'accounts.mustChange': 'moet wachtwoord nog wijzigen',
  'accounts.you': '(jij)',
  'accounts.disable': 'Uitschakelen',
  'accounts.enable': 'Inschakelen',
  'accounts.reset': 'Nieuw wachtwoord',
  'accounts.twoFactorOn': 'tweestapsverificatie aan',
  'accounts.twoFactorOff': 'Tweestapsverificatie uitzetten',
  'accounts.confirmTwoFactorOff':
    'Tweestapsverificatie van {username} uitzetten (bijvoorbeeld bij een verloren telefoon)? Het account wordt meteen uitgelogd en kan daarna inloggen met alleen het wachtwoord.',
  'accounts.confirmDisable':
    '{username} uitschakelen? Het account wordt meteen uitgelogd en de gesprekken gaan terug naar de wachtrij.',
  'accounts.confirmReset': 'Nieuw tijdelijk wachtwoord voor {username}? Het account wordt meteen uitgelogd.',
  'accounts.edit': 'Wijzigen',
  'accounts.edit.title': '{username} wijzigen',
  'accounts.edit.submit': 'Wijzigingen opslaan',
  'accounts.create': 'Nieuw account',
  'accounts.create.username.hint': '2 tot 32 kleine letters, cijfers, punt, streepje of liggend streepje.',
  'accounts.create.displayName.hint': 'Leeg laten: “Veilig Thuis”.',
  'accounts.create.region.hint': 'VTxx, VRxx of national. Leeg laten: national.',
  'accounts.create.submit': 'Account maken',
  'accounts.created': 'Account {username} is gemaakt.',
  'accounts.temporary':
    'Tijdelijk wachtwoord voor {username}: geef het persoonlijk door. Het wordt niet nog een keer getoond; bij de eerste keer inloggen kiest {username} een eigen wachtwoord.',
  'accounts.temporary.hide': 'Ik heb het doorgegeven, verbergen',
  'accounts.updated': 'Account {username} is bijgewerkt.',
  'accounts.error.taken': 'Die gebruikersnaam bestaat al.',
  'accounts.error.lastSupervisor': 'Dit is de laatste actieve dienstleiding; dat account blijft actief.',
  'accounts.error.invalid': 'Dat klopt niet: {message}',
  'accounts.error.languages': 'Kies minstens één taal.',
  'accounts.error.forbidden': 'Alleen de dienstleiding mag accounts beheren.',
  'accounts.error.unavailable': 'De chatserver is nu niet bereikbaar. Probeer het opnieuw.',
} as const;

export type AdminKey = keyof typeof adminStrings;

/** One text with `{name}` placeholders filled in. */
export function adminText(key: AdminKey, vars: Record<string, string | number> = {}): string {
  return adminStrings[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
