// The compiled content bundle: the compact binary form of a Bundle that the content
// compiler writes and the app embeds. It is laid out to be read in place: start-up decodes
// the site, categories, UI strings and each guide's header (what the catalogue shows),
// while a guide's body is decoded only when the guide is opened (Bundle::load_guide), and
// search reads every text where it lies (visit_texts). Reading never throws (the app runs
// as WebAssembly, where exceptions cannot be caught): bad input gives an error message,
// never a crash.
//
// It comes as two files. The head (bundle.bin) holds everything the first screen needs and
// is built into the app; the bodies (bodies.bin) are fetched beside it and attached when
// they arrive (attach_bodies), so that a catalogue of a thousand guides does not wait for
// every step of every guide. The head names its bodies by a hash of their bytes, and a
// bodies file from another build is refused.
//
// Layout (all counts and numbers are LEB128 varints; a string is its bytes and a zero
// byte; a text is a count of (locale, string) pairs):
//   head:   "RVYB" format bodies-id site categories ui
//           guide-count (header-size header body-size)...
//   bodies: "RVYD" format bodies-id body... (in the order of the guides)
// The header and body fields follow in the order of write_guide_header / write_guide_body
// in bundle.cpp.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/content/model.hpp"

namespace ruvoya::content {

// version of the bundle's binary layout; load_bundle refuses any other
inline constexpr int kBundleFormat = 3;

// The two files of a written bundle.
struct BundleFiles {
    std::string head;
    std::string bodies;
};

// The binary bundle of `bundle`, in the form load_bundle reads.
BundleFiles write_bundle(const Bundle& bundle);

// Reads the head of a bundle written by write_bundle; its guides have their headers only
// until attach_bodies. The bundle keeps views of `head`, so `head` must outlive it. On
// failure returns nothing and, when `error` is given, stores a message naming the place
// of the first bad value (e.g. "bundle.guides[2].header.risk: unknown value 7").
std::optional<Bundle> load_bundle(std::string_view head, std::string* error);

// Gives a loaded head its bodies; they are read in place, so `bodies` must outlive the
// bundle. False, with a message in `error`, when they are not a bodies file, come from
// another build or do not have the sizes the head lists: the bundle is then unchanged.
bool attach_bodies(Bundle& bundle, std::string_view bodies, std::string* error);

// Both steps at once, for a bundle whose two files are at hand (and stay: the bundle
// reads them in place, so a temporary is refused).
std::optional<Bundle> load_bundle(const BundleFiles& files, std::string* error);
std::optional<Bundle> load_bundle(BundleFiles&& files, std::string* error) = delete;

// Where a searchable text lies in a guide.
enum class TextPlace : std::uint8_t {
    title,
    summary,
    keyword,
    step,
    substep,
    need,
    checklist,
    trap,
    question,
    answer,
    link,
};

// One searchable text, viewed where it lies in the bundle's bytes.
struct TextRef {
    TextPlace place = TextPlace::title;
    // the step id for steps and substeps, the item id for checklist items, else empty
    std::string_view sub_id;
    std::string_view locale;
    std::string_view text;
};

// Calls `visit` for every searchable text of `bundle.guides[index]`, in reading order:
// title, summary, keywords (one word each), steps (title, text, tip, then substeps),
// needs, checklist items, traps, questions and answers, link labels. The views point into
// the bytes the bundle was loaded from. Returns false (having visited a part or nothing)
// when the bundle was not loaded from bytes, its bodies are not attached yet, or the
// guide's bytes are corrupt.
bool visit_texts(const Bundle& bundle, std::size_t index,
                 const std::function<void(const TextRef&)>& visit);

// The published guides in catalogue order: categories in their file order; inside one,
// guides along the route (a guide after the ones its route lists before it), ties in file
// order. Drafts are left out. Guides caught in a route cycle (the compiler refuses
// cycles) come after the rest of their category; a guide of no listed category is left out.
std::vector<const Guide*> catalogue_order(const Bundle& bundle);

}  // namespace ruvoya::content
