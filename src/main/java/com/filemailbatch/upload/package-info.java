/**
 * Uploading local files to a Filemail transfer's upload URL ({@code transferurl} from initialize): raw bytes, every
 * parameter in the query, files over one chunk sent chunk by chunk (docs/filemail-api.md, "Upload the files").
 * {@link com.filemailbatch.upload.FileUploader} is the entry point; retries and pacing come from
 * {@link com.filemailbatch.filemail.CallPolicy}, like every other Filemail call. {@code uploadTransfersStep}
 * ({@code UploadStepConfiguration}) uses it to deliver initialized transfers, recording every accepted chunk through
 * the ledger's {@link com.filemailbatch.ledger.UploadLedger} so that a restarted run resumes. The {@code files}
 * column's path rules are checked where a row is validated ({@link com.filemailbatch.csv.TransferFiles}); what they
 * found is kept with the row, and {@code ValidatedFileOpener} uploads exactly that file or none.
 */
package com.filemailbatch.upload;
