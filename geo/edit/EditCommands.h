#pragma once
// The edits an analyst makes to a scenario set, each a command object that does and undoes itself
// (Qt's QUndoCommand, Blender's operators). A command is built with what the user asked for, then
// handed to ScenarioDocument::apply, which checks the result and refuses invalid data with a reason:
//
//     doc.apply(std::make_unique<MoveSite>(key, glm::dvec2{30.5, 50.4}));
//     doc.apply(std::make_unique<SetName>(key, "Hub, Zhytomyr"));
#include "geo/Scenario.h"

#include <cstdint>
#include <glm/glm.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace geo {

//! A feature as the document holds it: the scenario feature and what names it across edits and saves.
struct EditableFeature {
    std::uint64_t key = 0; //!< never reused; survives undo, redo and saves (ids may be edited, keys not)
    ScenarioFeature feature;
    std::optional<std::uint64_t> copiedFrom; //!< a duplicate: the key whose file properties it starts from
};

//! The document's features in file order; what commands change.
class FeatureList {
public:
    const std::vector<EditableFeature>& all() const { return _features; }
    //! Position of the feature with `key`, or nothing.
    std::optional<size_t> find(std::uint64_t key) const;
    const EditableFeature* get(std::uint64_t key) const;
    std::uint64_t newKey() { return _nextKey++; }

    void insert(size_t position, EditableFeature feature);
    EditableFeature remove(size_t position);
    void replace(size_t position, EditableFeature feature);

private:
    std::vector<EditableFeature> _features;
    std::uint64_t _nextKey = 1;
};

//! One command: does and undoes itself on a FeatureList. do() runs once; after that redo() and undo()
//! alternate. The document checks what do() made (ScenarioDocument::refusal) before keeping it.
class EditCommand {
public:
    virtual ~EditCommand() = default;
    //! What the Edit menu says: "Move hub-gb-zhytomyr".
    virtual std::string label() const = 0;
    //! Makes the edit, or says why it cannot be made (and changes nothing).
    virtual std::optional<std::string> apply(FeatureList& features) = 0;
    virtual void undo(FeatureList& features) = 0;
    virtual void redo(FeatureList& features) = 0;
    //! The features it changes (for the rules to re-check); valid after apply().
    virtual std::vector<std::uint64_t> touched() const = 0;
    //! The features as they are after it, to check; empty for a deletion.
    virtual std::vector<std::uint64_t> toCheck() const { return touched(); }
    //! Takes over `next` (a later command on the same feature, in one continuous action) so that the two
    //! undo as one; false when it cannot.
    virtual bool absorb(EditCommand& /*next*/) { return false; }
};

//! A command that changes one existing feature: subclasses say how; this class keeps the before and after.
class FeatureChange : public EditCommand {
public:
    explicit FeatureChange(std::uint64_t key) : _key(key) {}
    std::optional<std::string> apply(FeatureList& features) final;
    void undo(FeatureList& features) final;
    void redo(FeatureList& features) final;
    std::vector<std::uint64_t> touched() const final { return {_key}; }
    bool absorb(EditCommand& next) final;
    std::uint64_t key() const { return _key; }

protected:
    //! Changes `f` as the command asks, or says why it cannot.
    virtual std::optional<std::string> change(EditableFeature& f) const = 0;
    //! The feature's id for labels ("Move hub-gb-zhytomyr"), once applied.
    const std::string& featureId() const { return _before.feature.id; }

private:
    std::uint64_t _key;
    EditableFeature _before, _after;
};

//! Moves a point site (hub, equipment site, force, station) to a lon/lat.
class MoveSite : public FeatureChange {
public:
    MoveSite(std::uint64_t key, glm::dvec2 lonLat) : FeatureChange(key), _to(lonLat) {}
    std::string label() const override { return "Move " + featureId(); }

protected:
    std::optional<std::string> change(EditableFeature& f) const override;

private:
    glm::dvec2 _to;
};

//! A vertex of a line (polygon and ring 0) or of a polygon's ring. A ring's closing point is not
//! addressed: it follows the first.
struct VertexRef {
    size_t polygon = 0, ring = 0, index = 0;
};

class InsertVertex : public FeatureChange {
public:
    //! Inserts `lonLat` so that it becomes vertex `at.index` (the end of the line or ring when index is its size).
    InsertVertex(std::uint64_t key, VertexRef at, glm::dvec2 lonLat) : FeatureChange(key), _at(at), _lonLat(lonLat) {}
    std::string label() const override { return "Add a vertex to " + featureId(); }

protected:
    std::optional<std::string> change(EditableFeature& f) const override;

private:
    VertexRef _at;
    glm::dvec2 _lonLat;
};

class MoveVertex : public FeatureChange {
public:
    MoveVertex(std::uint64_t key, VertexRef at, glm::dvec2 lonLat) : FeatureChange(key), _at(at), _lonLat(lonLat) {}
    std::string label() const override { return "Move a vertex of " + featureId(); }

protected:
    std::optional<std::string> change(EditableFeature& f) const override;

private:
    VertexRef _at;
    glm::dvec2 _lonLat;
};

class DeleteVertex : public FeatureChange {
public:
    DeleteVertex(std::uint64_t key, VertexRef at) : FeatureChange(key), _at(at) {}
    std::string label() const override { return "Delete a vertex of " + featureId(); }

protected:
    std::optional<std::string> change(EditableFeature& f) const override;

private:
    VertexRef _at;
};

//! The attributes an analyst edits in the panel.
enum class Attribute {
    Name,
    Kind,
    Nations,
    Personnel,
    Status,
    Source,
    WhyNotLater,
    Sidc,
    UniqueDesignation,
    HigherFormation,
    StaffComments,
    AdditionalInformation,
    FloorM,
    CeilingM
};
const char* attributeName(Attribute attribute); //!< the file's field: "name", "why_not_later", "floor_m"

//! Sets one attribute. Text attributes take `text` (kind and status as written in files: "hub",
//! "announced"); nations take a comma-separated list ("GB, FR"); numbers take `number` (nothing clears
//! personnel, floor or ceiling).
class SetAttribute : public FeatureChange {
public:
    SetAttribute(std::uint64_t key, Attribute attribute, std::string text)
        : FeatureChange(key), _attribute(attribute), _text(std::move(text)) {}
    SetAttribute(std::uint64_t key, Attribute attribute, std::optional<double> number)
        : FeatureChange(key), _attribute(attribute), _number(number) {}
    std::string label() const override {
        return std::string("Set the ") + attributeName(_attribute) + " of " + featureId();
    }

protected:
    std::optional<std::string> change(EditableFeature& f) const override;

private:
    Attribute _attribute;
    std::string _text;
    std::optional<double> _number;
};

//! Adds the feature to scenario `scenarioIndex` of the manifest's `scenarios`, or takes it out.
class SetMembership : public FeatureChange {
public:
    SetMembership(std::uint64_t key, const std::vector<ScenarioInfo>& scenarios, size_t scenarioIndex, bool member);
    std::string label() const override {
        return std::string(_member ? "Add " : "Remove ") + featureId() + (_member ? " to '" : " from '") + _scenario +
               "'";
    }

protected:
    std::optional<std::string> change(EditableFeature& f) const override;

private:
    std::vector<std::string> _order; //!< the set's scenario ids, to keep the list in ladder order
    size_t _index;
    std::string _scenario;
    bool _member;
};

//! Adds a feature (a site from the palette, a drawn line or polygon) at the end of the list. An empty id
//! is made from the kind and name; the key is given by the document.
class AddFeature : public EditCommand {
public:
    explicit AddFeature(EditableFeature feature) : _feature(std::move(feature)) {}
    std::string label() const override { return "Add " + _feature.feature.id; }
    std::optional<std::string> apply(FeatureList& features) override;
    void undo(FeatureList& features) override;
    void redo(FeatureList& features) override;
    std::vector<std::uint64_t> touched() const override { return {_feature.key}; }
    //! The key it was given: valid after apply().
    std::uint64_t key() const { return _feature.key; }

protected:
    EditableFeature _feature;
};

//! A copy of a feature with a new id, shifted by `offset` degrees, keeping the original's other file
//! properties when saved.
class DuplicateFeature : public AddFeature {
public:
    DuplicateFeature(std::uint64_t key, glm::dvec2 offset) : AddFeature({}), _original(key), _offset(offset) {}
    std::string label() const override { return "Duplicate " + _originalId; }
    std::optional<std::string> apply(FeatureList& features) override;

private:
    std::uint64_t _original;
    glm::dvec2 _offset;
    std::string _originalId;
};

class DeleteFeature : public EditCommand {
public:
    explicit DeleteFeature(std::uint64_t key) : _key(key) {}
    std::string label() const override { return "Delete " + _removed.feature.id; }
    std::optional<std::string> apply(FeatureList& features) override;
    void undo(FeatureList& features) override;
    void redo(FeatureList& features) override;
    std::vector<std::uint64_t> touched() const override { return {_key}; }
    std::vector<std::uint64_t> toCheck() const override { return {}; }

private:
    std::uint64_t _key;
    size_t _position = 0;
    EditableFeature _removed;
};

//! Why `f` is not valid data, or nothing: an empty name or id, personnel below 0 or above
//! kMaxPersonnel, a nation code not in ISO 3166-1, a SIDC that does not parse (Sidc.h), a point off the globe, a line
//! of fewer than two points, a polygon that crosses itself (GEOS), floor and ceiling out of range or the wrong way
//! round (an air zone's floor below sea level, its ceiling not above), an amplifier longer than `bulwark validate`
//! allows (SymbolRules.h), the wrong geometry for the kind.
std::optional<std::string> whyInvalid(const ScenarioFeature& f);

} // namespace geo
