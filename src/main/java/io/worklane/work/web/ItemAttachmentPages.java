package io.worklane.work.web;

import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.work.Attachment;
import io.worklane.work.AttachmentProperties;
import io.worklane.work.AttachmentUpload;
import io.worklane.work.ItemAttachments;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/**
 * Attachments on an item's page: attach a file (a plain multipart form: post, redirect, get), download
 * one with the same safe headers as the API, remove one. A refused file is named on the item's page
 * with the reason, never as an error page. The upload path takes large bodies ({@link AttachmentUploads}).
 */
@Controller
@RequestMapping(AttachmentUploads.PAGE_PATH)
class ItemAttachmentPages {

    private final ItemAttachments attachments;
    private final AttachmentProperties properties;
    private final UiFormat ui;
    private final MessageSource messages;

    ItemAttachmentPages(ItemAttachments attachments, AttachmentProperties properties, UiFormat ui,
                        MessageSource messages) {
        this.attachments = attachments;
        this.properties = properties;
        this.ui = ui;
        this.messages = messages;
    }

    @PostMapping
    String attach(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @PathVariable String key,
                  @RequestPart(name = "file", required = false) MultipartFile file, RedirectAttributes flash) {
        if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
            flash.addFlashAttribute("attachmentError", text("attachments.choose"));
            return backTo(tenant, key);
        }
        try {
            Attachment attached = attachments.add(me, key,
                    new AttachmentUpload(file.getOriginalFilename(), file.getContentType(), file));
            flash.addFlashAttribute("ok", text("attachments.added", attached.filename()));
        } catch (ApiProblem problem) {
            if (problem.status().is5xxServerError() || problem.status().value() == 404) {
                throw problem;
            }
            flash.addFlashAttribute("attachmentError", refusal(problem, file.getOriginalFilename()));
        }
        return backTo(tenant, key);
    }

    @GetMapping("/{id}")
    ResponseEntity<Resource> download(@AuthenticationPrincipal WorklaneUser me, @PathVariable String key,
                                      @PathVariable UUID id,
                                      @RequestParam(name = "inline", defaultValue = "false") boolean inline) {
        return AttachmentsApi.serve(attachments.download(me, key, id), inline);
    }

    @PostMapping("/{id}/delete")
    String remove(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @PathVariable String key,
                  @PathVariable UUID id, @RequestParam(required = false) String filename, RedirectAttributes flash) {
        try {
            attachments.remove(me, key, id);
            flash.addFlashAttribute("ok", text("attachments.removed", filename == null ? "" : filename));
        } catch (ApiProblem problem) {
            if (problem.status().is5xxServerError()) {
                throw problem;
            }
            flash.addFlashAttribute("attachmentError", problem.getMessage());
        }
        return backTo(tenant, key);
    }

    /** What the limit and the content policy said, as a sentence about this file. */
    private String refusal(ApiProblem problem, String filename) {
        if (problem.status().value() == 413) {
            return text("attachments.tooLarge", ui.size(properties.maxSize().toBytes()));
        }
        return text("attachments.refused", filename, problem.errorOn("file").orElse(problem.getMessage()));
    }

    private static String backTo(String tenant, String key) {
        return "redirect:/t/" + tenant + "/items/" + key + "#attachments";
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }
}
