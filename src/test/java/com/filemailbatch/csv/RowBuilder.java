package com.filemailbatch.csv;

/** Builds a raw row of {@code orders.csv}, line 12, with a valid subject and nothing else unless set. */
final class RowBuilder {

    private String reference;
    private String subject = "Invoice March";
    private String to;
    private String message;
    private String password;
    private String days;
    private String notify;
    private String confirmation;
    private String files;
    private String structureProblem;

    static RowBuilder row() {
        return new RowBuilder();
    }

    RowBuilder reference(String value) {
        reference = value;
        return this;
    }

    RowBuilder subject(String value) {
        subject = value;
        return this;
    }

    RowBuilder to(String value) {
        to = value;
        return this;
    }

    RowBuilder message(String value) {
        message = value;
        return this;
    }

    RowBuilder password(String value) {
        password = value;
        return this;
    }

    RowBuilder days(String value) {
        days = value;
        return this;
    }

    RowBuilder notify(String value) {
        notify = value;
        return this;
    }

    RowBuilder confirmation(String value) {
        confirmation = value;
        return this;
    }

    RowBuilder files(String value) {
        files = value;
        return this;
    }

    RowBuilder structureProblem(String value) {
        structureProblem = value;
        return this;
    }

    TransferDefinition build() {
        return new TransferDefinition("orders.csv", 12, reference, subject, to, message, password, days, notify,
                confirmation, files, structureProblem);
    }
}
