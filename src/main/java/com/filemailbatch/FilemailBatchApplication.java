package com.filemailbatch;

import com.filemailbatch.cli.FilemailBatchCli;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cloud.openfeign.EnableFeignClients;

/**
 * filemail-batch: creates Filemail transfers from CSV definitions with Spring Batch.
 * The command line ({@link FilemailBatchCli}) parses the arguments first and only then starts Spring.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableFeignClients
public class FilemailBatchApplication {

    public static void main(String[] args) {
        System.exit(FilemailBatchCli.execute(args));
    }
}
