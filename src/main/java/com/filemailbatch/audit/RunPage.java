package com.filemailbatch.audit;

import java.util.List;

/** One page of runs, and how many runs the filters match in all. */
public record RunPage(List<RunRecord> runs, long total) {
}
