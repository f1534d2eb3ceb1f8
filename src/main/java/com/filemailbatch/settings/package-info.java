/** Batch-wide settings that every step may read; this package depends on no other of the application. */
package com.filemailbatch.settings;
