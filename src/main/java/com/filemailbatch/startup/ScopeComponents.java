package com.filemailbatch.startup;

import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Leaves the components of the packages a {@link ContextScope} does not need out of the component scan (Spring
 * Boot's scan asks every {@link TypeExcludeFilter} bean): the history command registers no dashboard page, no job
 * step and no Filemail client, so none is parsed, typed or proxied at start.
 */
final class ScopeComponents extends TypeExcludeFilter {

    private final ContextScope scope;

    ScopeComponents(ContextScope scope) {
        this.scope = scope;
    }

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
        return scope.leavesOut(reader.getClassMetadata().getClassName());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScopeComponents components && components.scope == scope;
    }

    @Override
    public int hashCode() {
        return scope.hashCode();
    }
}
