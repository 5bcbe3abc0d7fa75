package shop.verdant.merchant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import shop.verdant.application.backoffice.MerchantImports;
import shop.verdant.domain.backoffice.ImportTemplate;
import shop.verdant.domain.backoffice.RowError;
import shop.verdant.domain.common.ValidationException;

/**
 * CSV files in and out, by Jackson's CSV format (RFC 4180: quoted fields with commas, quotes and line breaks in them,
 * CRLF or LF), UTF-8 with or without a byte-order mark. A file that is not CSV at all is a 400 naming where.
 */
final class CsvFiles {
    private CsvFiles() {
    }

    private static final CsvMapper MAPPER = new CsvMapper();

    static MerchantImports.ParsedFile parse(String body) {
        if (body == null || body.isBlank()) {
            throw ValidationException.of("file", "Send the CSV file as the request body (the template: GET /api/merchant/import-template).");
        }
        if (body.length() > ImportTemplate.MAX_BYTES) {
            throw ValidationException.of("file", "At most 10 MB; split the file.");
        }
        String text = body.startsWith("\uFEFF") ? body.substring(1) : body;
        List<String> header = null;
        List<MerchantImports.ParsedFile.Record> records = new ArrayList<>();
        try (MappingIterator<String[]> rows = MAPPER.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .with(CsvParser.Feature.SKIP_EMPTY_LINES).readValues(text)) {
            // rows as a spreadsheet numbers them: the header is row 1, and a quoted line break does not start a row
            for (int row = 1; rows.hasNextValue(); row++) {
                List<String> cells = Arrays.asList(rows.nextValue());
                if (header == null) {
                    header = cells;
                } else {
                    records.add(new MerchantImports.ParsedFile.Record(row, cells));
                    if (records.size() > ImportTemplate.MAX_ROWS) {
                        throw ValidationException.of("file", "At most " + ImportTemplate.MAX_ROWS + " rows; split the file.");
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationException v) {
                throw v;
            }
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() + " at line " + j.getLocation().getLineNr()
                    : e.getMessage();
            throw ValidationException.of("file", "Not a CSV file this shop can read: " + why);
        }
        if (header == null) {
            throw ValidationException.of("file", "The file is empty.");
        }
        return new MerchantImports.ParsedFile(header, records);
    }

    /** The report: row, column, message; one line each, quoted as the format needs. */
    static String report(List<RowError> errors) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"row", "column", "message"});
        errors.forEach(e -> rows.add(new String[] {Integer.toString(e.row()), e.column(), e.message()}));
        java.io.StringWriter out = new java.io.StringWriter();
        try (var writer = MAPPER.writerFor(String[].class).with(CsvSchema.emptySchema().withLineSeparator("\r\n")).writeValues(out)) {
            writer.writeAll(rows);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
