package com.filemailbatch.workers;

import com.filemailbatch.BuildInfo;
import com.filemailbatch.ledger.UploadLedger;
import com.filemailbatch.logging.RunLogContext;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitOperations;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/**
 * Wires remote partitioning of {@code uploadTransfersStep} when {@code filemail.workers.enabled}: on the manager, the
 * partitioned step that replaces the local one; on a worker process ({@code worker} command), the listener that runs
 * {@code uploadPartitionStep} (defined beside the local upload step) for each partition request.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "filemail.workers.enabled", havingValue = "true")
class WorkersConfiguration {

    /** The worker step every partition runs: see the upload package. */
    static final String WORKER_STEP = "uploadPartitionStep";

    @Bean
    Queue uploadPartitionQueue(WorkersProperties properties) {
        return new Queue(properties.queue(), true);
    }

    @Bean
    PartitionRequests partitionRequests(AmqpTemplate amqpTemplate, ObjectMapper objectMapper,
            WorkersProperties properties, DatabaseIdentity databaseIdentity) {
        return new PartitionRequests(amqpTemplate, objectMapper, properties.queue(), BuildInfo.version(),
                databaseIdentity);
    }

    /** The manager's upload step: split by ledger id, run by the workers. */
    @Bean
    Step uploadTransfersStep(JobRepository jobRepository, Partitioner uploadRangePartitioner,
            PartitionRequests partitionRequests, UploadPartitions uploadPartitions, WorkersProperties properties,
            RunLogContext runLogContext) {
        return new StepBuilder("uploadTransfersStep", jobRepository)
                // As the local step: every execution delivers whatever is left to upload.
                .allowStartIfComplete(true)
                .partitioner(WORKER_STEP, uploadRangePartitioner)
                .partitionHandler(new RemotePartitionHandler(partitionRequests, jobRepository, uploadPartitions,
                        properties, WORKER_STEP))
                .listener(runLogContext)
                .build();
    }

    @Bean
    @StepScope
    UploadRangePartitioner uploadRangePartitioner(UploadLedger uploadLedger,
            @Value("#{stepExecution.jobExecution.id}") long jobExecutionId) {
        return new UploadRangePartitioner(uploadLedger.uploadableIds(), jobExecutionId);
    }

    /** Only in a worker process. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "filemail.workers.worker-process", havingValue = "true")
    static class WorkerProcessConfiguration {

        @Bean
        WorkerExit workerExit() {
            return new WorkerExit();
        }

        @Bean
        PartitionWorker partitionWorker(JobRepository jobRepository, BeanFactory beanFactory,
                UploadPartitions uploadPartitions, DatabaseIdentity databaseIdentity,
                PartitionRequests partitionRequests, RabbitOperations rabbitOperations, ObjectMapper objectMapper,
                WorkersProperties properties, MeterRegistry meterRegistry, WorkerExit workerExit) {
            BeanFactoryStepLocator steps = new BeanFactoryStepLocator();
            steps.setBeanFactory(beanFactory);
            String name = properties.name().isBlank() ? com.filemailbatch.liveness.ThisProcess.id()
                    : properties.name();
            return new PartitionWorker(steps, jobRepository, uploadPartitions, databaseIdentity, partitionRequests,
                    rabbitOperations, objectMapper, properties, meterRegistry, name, workerExit);
        }

        @Bean
        WorkerProcess workerProcess(PartitionWorker partitionWorker, WorkerExit workerExit,
                WorkersProperties properties, AmqpAdmin amqpAdmin, ConnectionFactory connectionFactory) {
            return new WorkerProcess(partitionWorker, workerExit, properties, amqpAdmin, connectionFactory);
        }
    }
}
