package com.filemailbatch.notifications;

/** A channel did not take a notification; the message says why in one line, without the target's secrets. */
final class DeliveryFailure extends Exception {

    DeliveryFailure(String message) {
        super(message);
    }
}
