/** A phone number as a `tel:` link, kept left-to-right inside right-to-left text. */
export interface PhoneNumber {
  display: string;
  tel: string;
}

export function Phone({ number }: { number: PhoneNumber }) {
  return (
    <a class="phone" href={`tel:${number.tel}`} dir="ltr">
      <bdi>{number.display}</bdi>
    </a>
  );
}
