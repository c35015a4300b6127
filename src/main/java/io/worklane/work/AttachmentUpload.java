package io.worklane.work;

import org.springframework.core.io.InputStreamSource;

/** A file to attach: the name and type its sender gave (both checked, neither trusted) and its bytes. */
public record AttachmentUpload(String filename, String declaredType, InputStreamSource content) {
}
