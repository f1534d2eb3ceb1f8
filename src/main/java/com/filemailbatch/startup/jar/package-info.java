/**
 * The packaged jar's launcher: the only classes of the application at the jar's root (the build puts them there and
 * names {@link com.filemailbatch.startup.jar.PackagedJarLauncher} in the manifest). They see Spring Boot's loader
 * and the JDK, nothing else.
 */
package com.filemailbatch.startup.jar;
