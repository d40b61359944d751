/**
 * The help route beside a conversation: the Veilig Thuis organisation for the visitor's
 * municipality (from the server's help-route endpoint) and a link to the public help pages.
 * Until the endpoint answers, the region name from the site's own data.
 */
import type { HelpRoute } from '../../../chat-server/src/protocol';
import { format } from '../chat/fill';
import type { ConsoleProps, ConsoleStrings, MunicipalityInfo } from './types';

interface Props extends Pick<ConsoleProps, 'helpHref'> {
  strings: ConsoleStrings;
  route: HelpRoute | null;
  place: MunicipalityInfo | undefined;
}

export function HelpRouteBox({ strings, route, place, helpHref }: Props) {
  return (
    <section class="console-route" aria-label={strings['chat.console.route.title']}>
      <h4>{strings['chat.console.route.title']}</h4>
      {route ? (
        <>
          <p>
            {format(strings['chat.console.route.organisation'], {
              municipality: route.municipality.name,
              organisation: route.veiligThuis.name,
            })}
            {route.veiligThuis.website && (
              <>
                {' '}
                <a
                  href={`https://${route.veiligThuis.website.replace(/^https?:\/\//, '')}`}
                  target="_blank"
                  rel="noopener noreferrer"
                >
                  {route.veiligThuis.website}
                </a>
              </>
            )}
          </p>
          <ul>
            {route.phones.map((phone) => (
              <li key={phone.id}>
                {phone.name}:{' '}
                <a href={`tel:${phone.phone.replace(/[^0-9+]/g, '')}`} dir="ltr">
                  {phone.phone}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : place ? (
        <p>
          {format(strings['chat.console.route.region'], { municipality: place.name, region: place.veiligThuisRegion })}
        </p>
      ) : (
        <p>{strings['chat.console.route.unknown']}</p>
      )}
      <p>
        <a href={helpHref} target="_blank" rel="noopener noreferrer">
          {strings['chat.console.route.link']}
        </a>
      </p>
    </section>
  );
}
