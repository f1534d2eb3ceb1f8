/**
 * The terminal: user-supplied text is printed with its control characters made visible, never raw.
 */
package com.filemailbatch.terminal;
