package com.filemailbatch.notifications;

/** Delivers a notification by one channel. */
interface ChannelSender {

    Channel channel();

    /** Delivers it once; returns when the channel took it. @throws DeliveryFailure when it did not */
    void send(OutboxEntry entry, Notice notice) throws DeliveryFailure;
}
