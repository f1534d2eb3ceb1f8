package com.filemailbatch.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.index.CandidateComponentsIndex;
import org.springframework.context.index.CandidateComponentsIndexLoader;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The component index the build writes (META-INF/spring.components, by Spring's indexer at compile time) lists what
 * a scan of the classes would find: with an index on the class path, Spring reads it instead of every class, and a
 * component missing from it would silently not be there.
 */
class ComponentIndexTest {

    private static final String PACKAGE = "com.filemailbatch";

    @ParameterizedTest
    @ValueSource(classes = {Component.class, ConfigurationProperties.class})
    void theIndexListsWhatAScanOfTheClassesFinds(Class<?> stereotype) {
        CandidateComponentsIndex index = CandidateComponentsIndexLoader.loadIndex(getClass().getClassLoader());
        assertThat(index).as("META-INF/spring.components on the class path").isNotNull();

        Set<String> indexed = index.getCandidateTypes(PACKAGE, stereotype.getName());

        assertThat(indexed).as("indexed as %s", stereotype.getSimpleName()).isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(scanned(stereotype));
    }

    /**
     * What a scan finds when there is no index: Spring reads every class of the package. Their conditions are left
     * out (the index lists a class whatever its conditions say; they are evaluated as the application starts).
     */
    private Set<String> scanned(Class<?> stereotype) {
        AnnotationTypeFilter filter = new AnnotationTypeFilter(stereotype.asSubclass(Annotation.class));
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(MetadataReader reader) throws IOException {
                return filter.match(reader, getMetadataReaderFactory());
            }
        };
        scanner.setResourceLoader(new DefaultResourceLoader(new WithoutIndex(getClass().getClassLoader())));
        return scanner.findCandidateComponents(PACKAGE).stream().map(definition -> definition.getBeanClassName())
                .collect(Collectors.toSet());
    }

    /** The class path as it is, but for the index files: Spring then scans. */
    private static final class WithoutIndex extends ClassLoader {

        WithoutIndex(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return CandidateComponentsIndexLoader.COMPONENTS_RESOURCE_LOCATION.equals(name)
                    ? Collections.emptyEnumeration() : super.getResources(name);
        }
    }
}
