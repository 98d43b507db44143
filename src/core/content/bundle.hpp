// The compiled content bundle: the compact JSON form of a Bundle that the content compiler
// writes and the app embeds. Reading never throws (the app runs as WebAssembly, where
// exceptions cannot be caught): bad input gives an error message, never a crash.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/content/model.hpp"

namespace ruvoya::content {

// version of the bundle's JSON layout; load_bundle refuses any other
inline constexpr int kBundleFormat = 1;

// Reads a bundle written by write_bundle. On failure returns nothing and, when `error` is
// given, stores a message naming the JSON path of the first bad value
// (e.g. "bundle.guides[2].steps[0].kind: unknown value \"walk\"").
std::optional<Bundle> load_bundle(std::string_view json, std::string* error);

// The compact JSON text of `bundle`, in the form load_bundle reads.
std::string write_bundle(const Bundle& bundle);

}  // namespace ruvoya::content
