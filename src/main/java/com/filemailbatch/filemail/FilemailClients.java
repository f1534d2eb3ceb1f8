package com.filemailbatch.filemail;

import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the Filemail client by name: OpenFeign would otherwise read every class of the application's packages
 * for {@code @FeignClient} at every start. Here, with the client's package, so that an application that leaves the
 * package out (the data commands' scope) registers no Feign client at all.
 */
@Configuration(proxyBeanMethods = false)
@EnableFeignClients(clients = FilemailClient.class)
class FilemailClients {
}
