/**
 * Start-up: the application a command starts holds only what that command needs. Each command names its
 * {@link com.filemailbatch.startup.ContextScope}; auto-configurations outside it are never read.
 */
package com.filemailbatch.startup;
