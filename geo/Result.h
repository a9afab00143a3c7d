#pragma once
// A value or a Failure that says what went wrong and where: the way geo/ reports bad input.
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>

namespace geo {

//! What failed and where: `where` is the file (or CLI value) the user gave, `what` the problem.
struct Failure {
    std::string where;
    std::string what;
    std::string message() const { return where.empty() ? what : where + ": " + what; }
};

template <class T> class [[nodiscard]] Result {
public:
    Result(T value) : _v(std::move(value)) {}
    Result(Failure failure) : _v(std::move(failure)) {}

    bool ok() const { return std::holds_alternative<T>(_v); }
    explicit operator bool() const { return ok(); }

    T& value() & { return checked(); }
    const T& value() const& { return const_cast<Result*>(this)->checked(); }
    T&& value() && { return std::move(checked()); }
    const Failure& failure() const { return std::get<Failure>(_v); }

private:
    T& checked() {
        if (!ok()) throw std::runtime_error(failure().message());
        return std::get<T>(_v);
    }
    std::variant<T, Failure> _v;
};

} // namespace geo
