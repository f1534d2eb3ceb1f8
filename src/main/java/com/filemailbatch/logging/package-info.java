/**
 * Logging: every line any logger writes passes through one mask, so that no log level and no logger setting
 * prints the API key, a transfer key or an upload URL with its key.
 */
package com.filemailbatch.logging;
