// SPDX-License-Identifier: MIT
// guilt's entry point: private files by default, then the command line.
#include <sys/stat.h>

#include "guilt/cli/cli.hpp"

int main(int argc, char** argv) {
    ::umask(077);  // whatever guilt creates (journal, backups, exports, temp files) is hers alone
    return guilt::run_cli(argc, argv);
}
