// SPDX-License-Identifier: MIT
// For bench/run.sh only (LD_PRELOAD): every fsync and fdatasync waits SLOW_FSYNC_US microseconds
// before it runs, as on a disk whose cache flush takes that long (this VM's takes some 50 us, so
// the syncs guilt saves do not show in its wall time). A model, printed as one.
#include <dlfcn.h>

#include <cstdlib>
#include <ctime>

namespace {

void wait_as_a_slow_disk() {
    static const long us = [] {
        const char* v = std::getenv("SLOW_FSYNC_US");
        return v ? std::atol(v) : 0L;
    }();
    timespec t{us / 1000000, (us % 1000000) * 1000};
    nanosleep(&t, nullptr);
}

template <typename F>
F real(const char* name) {
    return reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
}

}  // namespace

extern "C" int fsync(int fd) {
    static auto next = real<int (*)(int)>("fsync");
    wait_as_a_slow_disk();
    return next(fd);
}

extern "C" int fdatasync(int fd) {
    static auto next = real<int (*)(int)>("fdatasync");
    wait_as_a_slow_disk();
    return next(fd);
}
