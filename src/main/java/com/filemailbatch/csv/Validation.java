package com.filemailbatch.csv;

/** The outcome of checking one row: a transfer ready to send, or the reason it is rejected. */
public sealed interface Validation permits ValidTransfer, Rejection {
}
