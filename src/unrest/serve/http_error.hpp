#pragma once
// An error a request caused, with the HTTP status to answer (400, 404, 409, 429...) and a
// message for the person who sent it.
#include <stdexcept>
#include <string>

namespace unrest::serve {

class HttpError : public std::runtime_error {
 public:
  HttpError(int status, const std::string& message)
      : std::runtime_error(message), status_(status) {}
  int status() const { return status_; }

 private:
  int status_;
};

}  // namespace unrest::serve
