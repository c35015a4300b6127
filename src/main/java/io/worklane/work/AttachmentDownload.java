package io.worklane.work;

import java.io.InputStream;

/** An attachment and its content, to be streamed to the client (who closes the stream). */
public record AttachmentDownload(Attachment attachment, InputStream content) {
}
