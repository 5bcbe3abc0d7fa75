package shop.verdant.domain.shopping;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A country the shop delivers to: its shipping zone, the shape of its postcodes, and the standard VAT rate
 * charged there. Catalog prices include VAT; EU distance sales are taxed at the destination's rate (OSS), so
 * the price stays the same and the VAT it contains follows the address.
 */
public record Destination(String country, String name, Zone zone, Pattern postcode, String postcodeExample,
                          int vatBasisPoints) {

    /** Where a parcel goes, for its shipping rate. */
    public enum Zone {
        /** The Netherlands, where the warehouse is. */
        DOMESTIC,
        /** The rest of the European Union. */
        EU
    }

    public static final List<Destination> ALL = List.of(
            d("NL", "Netherlands", Zone.DOMESTIC, "[1-9][0-9]{3} ?[A-Za-z]{2}", "1012 AB", 2100),
            d("BE", "Belgium", Zone.EU, "[1-9][0-9]{3}", "1000", 2100),
            d("DE", "Germany", Zone.EU, "[0-9]{5}", "10115", 1900),
            d("FR", "France", Zone.EU, "[0-9]{2} ?[0-9]{3}", "75001", 2000),
            d("IE", "Ireland", Zone.EU, "[AC-FHKNPRTV-Ya-fhknprtv-y][0-9][0-9Ww] ?[0-9AC-FHKNPRTV-Ya-fhknprtv-y]{4}", "D02 X285", 2300),
            d("ES", "Spain", Zone.EU, "(0[1-9]|[1-4][0-9]|5[0-2])[0-9]{3}", "28001", 2100),
            d("IT", "Italy", Zone.EU, "[0-9]{5}", "00118", 2200),
            d("AT", "Austria", Zone.EU, "[1-9][0-9]{3}", "1010", 2000),
            d("LU", "Luxembourg", Zone.EU, "(L-)?[0-9]{4}", "1111", 1700),
            d("DK", "Denmark", Zone.EU, "[1-9][0-9]{3}", "1050", 2500),
            d("PT", "Portugal", Zone.EU, "[1-9][0-9]{3}-[0-9]{3}", "1000-001", 2300),
            d("PL", "Poland", Zone.EU, "[0-9]{2}-[0-9]{3}", "00-001", 2300));

    private static Destination d(String country, String name, Zone zone, String postcode, String example, int vat) {
        return new Destination(country, name, zone, Pattern.compile(postcode), example, vat);
    }

    public static Optional<Destination> of(String country) {
        return ALL.stream().filter(d -> d.country.equals(country)).findFirst();
    }

    public boolean acceptsPostcode(String code) {
        return code != null && postcode.matcher(code.strip()).matches();
    }
}
