#pragma once
// The Edit window's fields beyond name, kind, nations, personnel, status, source and SIDC: why a feature is
// not in the next rung, the military symbol's text amplifiers (the names scenario files use, Scenario.h's
// SymbolAmplifiers) and an air zone's floor and ceiling. They edit a draft; the form applies it as one
// SetFeature, which the document turns into its attribute commands and checks (whyInvalid).
#include "geo/Scenario.h"

#include <optional>
#include <string>

namespace app {

//! "1500" for 1500 m, "" for none.
std::string metresText(std::optional<double> metres);
//! A height typed in the form into `out`: nothing for an empty field. The reason when it is not a number of
//! metres, 0 or more (`what`: "floor").
std::optional<std::string> readMetres(const std::string& text, const char* what, std::optional<double>& out);

//! Draws the fields into `draft`; true when one was changed and left (the form then applies the draft).
//! `floorText` and `ceilingText` are what is typed; `problem` gets why a height cannot be read.
bool drawMoreFields(geo::ScenarioFeature& draft, std::string& floorText, std::string& ceilingText,
                    std::string& problem);

} // namespace app
