/**
 * Uploading local files to a Filemail transfer's upload URL ({@code transferurl} from initialize), as the fact
 * sheet's §3.2 describes: raw bytes, every parameter in the query, files over one chunk sent chunk by chunk.
 * {@link com.filemailbatch.upload.FileUploader} is the entry point; retries and pacing come from
 * {@link com.filemailbatch.filemail.CallPolicy}, like every other Filemail call. {@code uploadTransfersStep}
 * ({@code UploadStepConfiguration}) uses it to deliver initialized transfers, recording every accepted chunk in
 * {@code transfer_upload_progress} so that a restarted run resumes; {@link com.filemailbatch.upload.TransferFiles}
 * holds the {@code files} column's path rules.
 */
package com.filemailbatch.upload;
