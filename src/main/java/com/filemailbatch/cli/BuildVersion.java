package com.filemailbatch.cli;

import com.filemailbatch.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** The {@code --version} line of every command: the build's version (see {@link BuildInfo}). */
final class BuildVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {line()};
    }

    static String line() {
        return "filemail-batch " + BuildInfo.version();
    }
}
