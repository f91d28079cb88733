// SPDX-License-Identifier: MIT
// fmt's compiled part, built once, here. Debian ships it only as a shared library (and loading
// libfmt.so brings the shared libstdc++ beside the static one, at every start of `guilt log`:
// bench/README.md), and FMT_HEADER_ONLY compiles it into every one of our files instead, which
// made it most of the build's time. So the rest of guilt uses fmt's headers as a client of the
// compiled library would, and this file is that library: fmt's own definitions, and the
// instantiations for char that fmt's headers declare and leave to it.
#include <fmt/format-inl.h>

FMT_BEGIN_NAMESPACE
namespace detail {

template auto dragonbox::to_decimal(float x) noexcept -> dragonbox::decimal_fp<float>;
template auto dragonbox::to_decimal(double x) noexcept -> dragonbox::decimal_fp<double>;
template locale_ref::locale_ref(const std::locale& loc);
template auto locale_ref::get<std::locale>() const -> std::locale;
template auto thousands_sep_impl(locale_ref) -> thousands_sep_result<char>;
template auto decimal_point_impl(locale_ref) -> char;
template void buffer<char>::append(const char*, const char*);
template void vformat_to(buffer<char>&, string_view, basic_format_args<FMT_BUFFER_CONTEXT(char)>,
                         locale_ref);

}  // namespace detail
FMT_END_NAMESPACE
