package io.worklane.work;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Which files may be attached, decided from their bytes. The first bytes (magic numbers) say what a
 * file is; a short allowlist of types that browsers and office programs open passively is accepted;
 * a declared type or a file name extension that contradicts the bytes is refused, so that nothing
 * can be smuggled in under another name and later opened as active content (HTML, SVG, scripts).
 */
final class AttachmentContentPolicy {

    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";
    static final String GIF = "image/gif";
    static final String WEBP = "image/webp";
    static final String PDF = "application/pdf";
    static final String TEXT = "text/plain";
    static final String CSV = "text/csv";
    static final String JSON = "application/json";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    static final int MAX_FILENAME = 255;

    private static final String ACCEPTED = "PNG, JPEG, GIF or WebP images, PDF, plain text, CSV, log, JSON,"
            + " or Word, Excel or PowerPoint (docx, xlsx, pptx) documents";

    /** Images a browser may show in a page: they cannot run script. */
    static final Set<String> INLINE_IMAGES = Set.of(PNG, JPEG, GIF, WEBP);

    /** Declared types that say nothing about the content: the bytes decide. */
    private static final Set<String> GENERIC = Set.of("", "application/octet-stream", "binary/octet-stream",
            "application/unknown");

    /** For each accepted type, the declared types that agree with it. */
    private static final Map<String, Set<String>> DECLARED = Map.ofEntries(
            Map.entry(PNG, Set.of(PNG, "image/x-png")),
            Map.entry(JPEG, Set.of(JPEG, "image/jpg", "image/pjpeg")),
            Map.entry(GIF, Set.of(GIF)),
            Map.entry(WEBP, Set.of(WEBP)),
            Map.entry(PDF, Set.of(PDF, "application/x-pdf")),
            Map.entry(TEXT, Set.of(TEXT, "text/x-log")),
            // Browsers on Windows with Excel installed send CSV files as application/vnd.ms-excel.
            Map.entry(CSV, Set.of(CSV, TEXT, "application/csv", "text/comma-separated-values", "application/vnd.ms-excel")),
            Map.entry(JSON, Set.of(JSON, "text/json", TEXT)),
            Map.entry(DOCX, Set.of(DOCX, "application/zip", "application/x-zip-compressed")),
            Map.entry(XLSX, Set.of(XLSX, "application/zip", "application/x-zip-compressed")),
            Map.entry(PPTX, Set.of(PPTX, "application/zip", "application/x-zip-compressed")));

    /** For each accepted type, the file name extensions that agree with it (a name without one is fine). */
    private static final Map<String, Set<String>> EXTENSIONS = Map.ofEntries(
            Map.entry(PNG, Set.of("png")),
            Map.entry(JPEG, Set.of("jpg", "jpeg", "jpe", "jfif")),
            Map.entry(GIF, Set.of("gif")),
            Map.entry(WEBP, Set.of("webp")),
            Map.entry(PDF, Set.of("pdf")),
            Map.entry(TEXT, Set.of("txt", "text", "log")),
            Map.entry(CSV, Set.of("csv")),
            Map.entry(JSON, Set.of("json")),
            Map.entry(DOCX, Set.of("docx")),
            Map.entry(XLSX, Set.of("xlsx")),
            Map.entry(PPTX, Set.of("pptx")));

    private static final Pattern EXTENSION = Pattern.compile(".*\\.([A-Za-z0-9]{1,10})");
    private static final Pattern MARKUP = Pattern.compile("^<[A-Za-z!?/].*", Pattern.DOTALL);
    private static final int HEAD = 512;
    private static final JsonMapper JSON_READER = JsonMapper.builder().build();

    private AttachmentContentPolicy() {
    }

    /** The type a file was found to be, or why it is refused (a sentence about the field 'file'). */
    record Decision(String contentType, String refusal) {

        static Decision accept(String contentType) {
            return new Decision(contentType, null);
        }

        static Decision refuse(String reason) {
            return new Decision(null, reason);
        }

        boolean accepted() {
            return refusal == null;
        }
    }

    /** Decides on a stored (not yet attached) file by its bytes, its sanitised name and its declared type. */
    static Decision decide(String filename, String declaredType, Path content) throws IOException {
        byte[] head = head(content);
        if (head.length == 0) {
            return Decision.refuse("is empty");
        }
        String declared = normalise(declaredType);
        Optional<String> extension = extension(filename);
        String sniffed = sniffBinary(head);
        if (sniffed == null && startsWith(head, 'P', 'K', 3, 4)) {
            return office(content).map(type -> agree(type, declared, extension))
                    .orElseGet(() -> Decision.refuse("is a zip archive that is not a Word, Excel or PowerPoint"
                            + " (docx, xlsx, pptx) document, or contains macros; accepted are " + ACCEPTED));
        }
        if (sniffed != null) {
            return agree(sniffed, declared, extension);
        }
        Optional<String> notText = textRefusal(content);
        if (notText.isPresent()) {
            return Decision.refuse(notText.get() + "; accepted are " + ACCEPTED);
        }
        String text = textType(declared, extension);
        if (text.equals(JSON) && !isJson(content)) {
            return Decision.refuse("is not valid JSON");
        }
        return agree(text, declared, extension);
    }

    /** A file name that is safe to show and to offer for saving: no path, no control characters, at most 255. */
    static String filename(String raw) {
        String name = raw == null ? "" : raw;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder clean = new StringBuilder();
        name.codePoints().filter(cp -> !unsafe(cp)).forEach(clean::appendCodePoint);
        name = clean.toString().strip();
        if (name.equals(".") || name.equals("..")) {
            name = "";
        }
        if (name.codePointCount(0, name.length()) > MAX_FILENAME) {
            String ext = extension(name).map(e -> "." + e).orElse("");
            String base = name.substring(0, name.length() - ext.length());
            base = base.substring(0, base.offsetByCodePoints(0, MAX_FILENAME - ext.length())).strip();
            name = base + ext;
        }
        return name.isEmpty() ? "attachment" : name;
    }

    /** The type to send a stored attachment as: anything not known to be passive goes as a download of bytes. */
    static String servedType(String stored) {
        if (!DECLARED.containsKey(stored)) {
            return "application/octet-stream";
        }
        return stored.startsWith("text/") || stored.equals(JSON) ? stored + ";charset=UTF-8" : stored;
    }

    // --- sniffing ------------------------------------------------------------------------------------

    private static String sniffBinary(byte[] head) {
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(head, 'G', 'I', 'F', '8', '7', 'a') || startsWith(head, 'G', 'I', 'F', '8', '9', 'a')) {
            return GIF;
        }
        if (startsWith(head, 'R', 'I', 'F', 'F') && head.length >= 12
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return WEBP;
        }
        if (startsWith(head, '%', 'P', 'D', 'F', '-')) {
            return PDF;
        }
        return null;
    }

    /**
     * Which Office Open XML document a zip file is, read from its central directory (nothing is
     * inflated, so a zip bomb costs nothing); empty for any other zip and for macro-enabled documents.
     */
    private static Optional<String> office(Path content) {
        Set<String> names = new HashSet<>();
        try (ZipFile zip = new ZipFile(content.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements() && names.size() < 10_000; ) {
                names.add(e.nextElement().getName());
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (!names.contains("[Content_Types].xml")
                || names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin"))) {
            return Optional.empty();
        }
        if (names.contains("word/document.xml")) {
            return Optional.of(DOCX);
        }
        if (names.contains("xl/workbook.xml")) {
            return Optional.of(XLSX);
        }
        if (names.contains("ppt/presentation.xml")) {
            return Optional.of(PPTX);
        }
        return Optional.empty();
    }

    /** Why the content is not plain text: not UTF-8, a NUL byte, or markup a browser would render. */
    private static Optional<String> textRefusal(Path content) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        StringBuilder start = new StringBuilder();
        try (InputStream stream = Files.newInputStream(content)) {
            boolean end = false;
            while (!end) {
                int n = stream.read(in.array(), in.position(), in.remaining());
                end = n < 0;
                if (n > 0) {
                    for (int i = in.position(); i < in.position() + n; i++) {
                        if (in.array()[i] == 0) {
                            return Optional.of("is neither a recognised file type nor text (it contains NUL bytes)");
                        }
                    }
                    in.position(in.position() + n);
                }
                in.flip();
                if (utf8.decode(in, out, end).isError()) {
                    return Optional.of("is neither a recognised file type nor UTF-8 text");
                }
                if (end && utf8.flush(out).isError()) {
                    return Optional.of("is neither a recognised file type nor UTF-8 text");
                }
                in.compact();
                out.flip();
                if (start.length() < HEAD) {
                    start.append(out, 0, Math.min(out.length(), HEAD - start.length()));
                }
                out.clear();
            }
            if (in.position() > 0) {
                return Optional.of("is neither a recognised file type nor UTF-8 text (it ends mid-character)");
            }
        } catch (CharacterCodingException e) {
            return Optional.of("is neither a recognised file type nor UTF-8 text");
        }
        String lead = start.toString().replaceFirst("^\uFEFF", "").stripLeading();
        if (MARKUP.matcher(lead).matches()) {
            return Optional.of("is HTML, XML or SVG markup, which a browser could run");
        }
        return Optional.empty();
    }

    private static String textType(String declared, Optional<String> extension) {
        if (extension.isPresent()) {
            return switch (extension.get()) {
                case "csv" -> CSV;
                case "json" -> JSON;
                default -> TEXT;
            };
        }
        if (DECLARED.get(CSV).contains(declared) && !declared.equals(TEXT)) {
            return CSV;
        }
        return declared.equals(JSON) || declared.equals("text/json") ? JSON : TEXT;
    }

    private static boolean isJson(Path content) throws IOException {
        try (InputStream stream = Files.newInputStream(content); JsonParser parser = JSON_READER.createParser(stream)) {
            while (parser.nextToken() != null) {
                // reading every token is the check
            }
            return true;
        } catch (JacksonException e) {
            return false;
        }
    }

    /** The sniffed type, unless what the sender declared or the name's extension says otherwise. */
    private static Decision agree(String sniffed, String declared, Optional<String> extension) {
        if (!GENERIC.contains(declared) && !DECLARED.get(sniffed).contains(declared)) {
            return Decision.refuse("was sent as " + declared + " but its content is " + describe(sniffed));
        }
        if (extension.isPresent() && !EXTENSIONS.get(sniffed).contains(extension.get())) {
            return Decision.refuse("is named ." + extension.get() + " but its content is " + describe(sniffed)
                    + "; name it ." + String.join(" or .", EXTENSIONS.get(sniffed).stream().sorted().toList()));
        }
        return Decision.accept(sniffed);
    }

    private static String describe(String type) {
        return switch (type) {
            case PNG -> "a PNG image";
            case JPEG -> "a JPEG image";
            case GIF -> "a GIF image";
            case WEBP -> "a WebP image";
            case PDF -> "a PDF document";
            case DOCX -> "a Word document";
            case XLSX -> "an Excel workbook";
            case PPTX -> "a PowerPoint presentation";
            case JSON -> "JSON";
            case CSV -> "CSV text";
            default -> "plain text";
        };
    }

    // --- helpers -------------------------------------------------------------------------------------

    private static byte[] head(Path content) throws IOException {
        try (InputStream stream = Files.newInputStream(content)) {
            return stream.readNBytes(HEAD);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String normalise(String type) {
        if (type == null) {
            return "";
        }
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    static Optional<String> extension(String filename) {
        var m = EXTENSION.matcher(filename);
        return m.matches() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** Control characters, and invisible format characters (bidi overrides that disguise an extension). */
    private static boolean unsafe(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED || type == Character.SURROGATE;
    }
}
