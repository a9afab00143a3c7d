// Linked into every executable of a BULWARK_SANITIZE build: the sanitizers' settings, so that the
// binaries behave the same under ctest, the Xvfb scripts and by hand. ASAN_OPTIONS, UBSAN_OPTIONS
// and LSAN_OPTIONS in the environment still override any of them.
extern "C" {

// Any report ends the program with a non-zero exit, so the test that ran into it fails.
const char* __asan_default_options() {
    return "halt_on_error=1:detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1:"
           "check_initialization_order=1:strict_init_order=1";
}

const char* __ubsan_default_options() {
    return "halt_on_error=1:print_stacktrace=1";
}

// Leaks inside third-party libraries we cannot fix: tests/sanitizers/lsan.supp says which and why.
const char* __lsan_default_options() {
    return "suppressions=" BULWARK_LSAN_SUPPRESSIONS ":print_suppressions=0";
}

} // extern "C"

extern "C" {

// The Vulkan loader unloads the driver (lavapipe) and the validation layer when the instance goes.
// Their globals go with them, and what those globals still pointed to was then reported at exit as
// leaked "from <unknown module>", which no suppression can name. Kept loaded, that memory is
// reachable, as in any run, and a real leak in them would name its library. (Defined here, in the
// executable, this dlclose takes precedence over libc's; a sanitizer build never needs to unload.)
int dlclose(void*) {
    return 0;
}

} // extern "C"
