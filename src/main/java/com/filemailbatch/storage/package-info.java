/**
 * Data at rest: the data and reports directories and the tool's own files are created for their owner only.
 */
package com.filemailbatch.storage;
