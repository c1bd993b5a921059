#!/bin/sh
# Installs what building and testing stackpick needs on Debian 12, as
# root.  Safe to run again: apt-get skips what is already there.
set -eu
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
	build-essential cmake pkg-config \
	libyaml-dev libjansson-dev libcmocka-dev \
	jq valgrind ca-certificates \
	clang libclang-rt-14-dev cppcheck time >/dev/null
