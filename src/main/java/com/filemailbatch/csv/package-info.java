/**
 * Reading and validating transfer definitions from a CSV file.
 *
 * <p>The input format: UTF-8 (a leading byte order mark is ignored), RFC 4180 (comma, double quotes,
 * {@code ""} inside quotes, line breaks allowed in quoted cells, CRLF or LF), a header row naming the columns
 * (case-insensitive, trimmed, any order): {@code reference, subject, to, message, password, days, notify,
 * confirmation, files}; only {@code subject} is required. Problems with the file as a whole fail the run
 * before anything is sent ({@link com.filemailbatch.csv.InputFileException}); problems with one row reject
 * that row ({@link com.filemailbatch.csv.Rejection}). The {@code files} column's paths are checked on disk
 * ({@link com.filemailbatch.csv.TransferFiles}) before anything is sent.
 */
package com.filemailbatch.csv;
