/**
 * Who may see the dashboard and who may act on it: its users and roles from {@code filemail.dashboard.*}, sign-in,
 * CSRF, cookies and headers, and the refusal to serve pages to anyone on the network without users. Active only where
 * a web server runs ({@code serve}, {@code dashboard}); every other command is untouched by it.
 */
package com.filemailbatch.dashboard.security;
