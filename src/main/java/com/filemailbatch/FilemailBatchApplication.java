package com.filemailbatch;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * filemail-batch: creates Filemail transfers from CSV definitions with Spring Batch. This is the Spring
 * configuration of the application; the program's entry point is the command line, which parses the arguments first
 * and only then starts this application for the command that needs it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FilemailBatchApplication {
}
