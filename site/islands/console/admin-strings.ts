/**
 * Dutch texts of the console's work-tool parts added with issue 14 (shortcuts, password change,
 * accounts). The console is a Dutch-only staff tool (site/pages/medewerkers/index.astro), so
 * these are not in content/ui/<lang>.json, which every visitor language must translate.
 */
export const adminStrings = {
  'nav.label': 'Onderdelen van de console',
  'nav.work': 'Chats',
  'nav.accounts': 'Accounts',

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

  'wrapUp.title': 'Af te ronden ({count})',
  'wrapUp.intro':
    'Deze gesprekken zijn beëindigd zonder uitkomst: door de bezoeker, met Snel weg, of doordat de bezoeker te lang weg was. Kies de uitkomst; die telt mee in de cijfers. Wat je niet afrondt, vervalt na 24 uur zonder uitkomst.',
  'wrapUp.item': 'Gesprek beëindigd om {time}',
  'wrapUp.outcome': 'Uitkomst',
  'wrapUp.note.label': 'Interne notitie (mag leeg blijven; de bezoeker ziet dit nooit)',
  'wrapUp.submit': 'Afronden',
  'wrapUp.chooseOutcome': 'Kies eerst een uitkomst.',
  'wrapUp.done': 'Afgerond: {outcome}.',
  'wrapUp.pointer': 'Kies de uitkomst bij “Af te ronden”.',

  'handover.note.label': 'Overdrachtsnotitie (verplicht, 1 tot 500 tekens)',
  'handover.note.hint': 'Wat moet je collega weten? Intern: de bezoeker ziet dit nooit.',
  'handover.note.missing': 'Schrijf eerst een overdrachtsnotitie voor je collega.',
  'handover.orphan.note': 'Teruggezet in de wachtrij: dit gesprek stond niet meer in beeld in de console.',
  'handover.alert': '{from} heeft een gesprek aan je overgedragen: “{note}”',
  'handover.shown': 'Overdracht van {from}',
  'handover.dismiss': 'Gelezen',
} as const;

export type AdminKey = keyof typeof adminStrings;

/** One text with `{name}` placeholders filled in. */
export function adminText(key: AdminKey, vars: Record<string, string | number> = {}): string {
  return adminStrings[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
