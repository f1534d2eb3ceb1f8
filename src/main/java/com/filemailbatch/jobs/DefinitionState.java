package com.filemailbatch.jobs;

import java.time.Instant;

/**
 * What the dead man's switch knows of one definition.
 *
 * @param definition   the definition's name
 * @param watchedSince since when its deadline counts: fire times before it are not missed
 * @param lastSuccess  when a run of it last completed, or null
 * @param missedFire   the fire time whose miss was last raised, or null
 */
public record DefinitionState(String definition, Instant watchedSince, Instant lastSuccess, Instant missedFire) {
}
