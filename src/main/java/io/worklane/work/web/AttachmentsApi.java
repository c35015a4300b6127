package io.worklane.work.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.work.Attachment;
import io.worklane.work.AttachmentDownload;
import io.worklane.work.AttachmentUpload;
import io.worklane.work.ItemAttachments;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Attachments of work items. Downloads are never rendered by the browser as a page: they are sent as
 * attachments (images may be shown inline on request), with the type found from their bytes, no
 * sniffing, and a sandboxing Content-Security-Policy in case a browser opens one anyway.
 */
@RestController
@RequestMapping(path = AttachmentUploads.PATH)
@Tag(name = "Attachments", description = "Files attached to work items")
class AttachmentsApi {

    private static final String JSON = "application/json";
    static final String SANDBOX = "sandbox; default-src 'none'";

    private final ItemAttachments attachments;

    AttachmentsApi(ItemAttachments attachments) {
        this.attachments = attachments;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = JSON)
    @Operation(summary = "Attach a file (multipart/form-data field 'file'): images, PDF, text, CSV, JSON, Office documents")
    ResponseEntity<Attachment> upload(@AuthenticationPrincipal WorklaneUser actor,
                                      @PathVariable String key,
                                      @RequestPart(name = "file", required = false) MultipartFile file) {
        if (file == null) {
            throw ApiProblem.invalidField("file", "must be the file to attach, sent as multipart/form-data field 'file'");
        }
        Attachment attachment = attachments.add(actor, key,
                new AttachmentUpload(file.getOriginalFilename(), file.getContentType(), file));
        return ResponseEntity.created(URI.create("/t/" + actor.tenantSlug() + "/api/v1/items/" + key.strip()
                + "/attachments/" + attachment.id())).body(attachment);
    }

    @GetMapping(produces = JSON)
    @Operation(summary = "The item's attachments, oldest first")
    List<Attachment> list(@AuthenticationPrincipal WorklaneUser actor, @PathVariable String key) {
        return attachments.of(actor, key);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Download an attachment; ?inline=true shows a PNG, JPEG, GIF or WebP image in the browser")
    ResponseEntity<Resource> download(@AuthenticationPrincipal WorklaneUser actor, @PathVariable String key,
                                      @PathVariable UUID id,
                                      @RequestParam(name = "inline", defaultValue = "false") boolean inline) {
        return serve(attachments.download(actor, key, id), inline);
    }

    /**
     * The response that hands over a file (for the API and the item page alike): as an attachment unless an
     * image is asked for inline, typed by its bytes, never sniffed, sandboxed if a browser opens it anyway.
     */
    static ResponseEntity<Resource> serve(AttachmentDownload download, boolean inline) {
        Attachment attachment = download.attachment();
        String disposition = inline && ItemAttachments.showableInline(attachment.contentType()) ? "inline" : "attachment";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, ItemAttachments.servedType(attachment.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition + "; filename*=UTF-8''" + encode(attachment.filename()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", SANDBOX)
                .eTag("\"" + attachment.sha256() + "\"")
                .contentLength(attachment.size())
                .body(new InputStreamResource(download.content()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove an attachment (its uploader or an admin; the item's history keeps it)")
    ResponseEntity<Void> remove(@AuthenticationPrincipal WorklaneUser actor, @PathVariable String key,
                                @PathVariable UUID id) {
        attachments.remove(actor, key, id);
        return ResponseEntity.noContent().build();
    }

    /**
     * The file name as an RFC 8187 ext-value: every byte outside attr-char percent-encoded. Only this
     * form is sent (no quoted {@code filename=} fallback), so no quoting or escaping can go wrong.
     */
    static String encode(String filename) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : filename.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return encoded.toString();
    }
}
