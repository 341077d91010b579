package dev.reload.autoconfigure.web.servlet;

import dev.reload.BeanSwapParticipant.Switch;

/**
 * The part of a participant whose beans a switch does not touch.
 *
 * @author reload-spring-boot
 */
final class NoSwitch implements Switch {

	static final Switch INSTANCE = new NoSwitch();

	private NoSwitch() {
	}

	@Override
	public void apply() {
	}

	@Override
	public void undo() {
	}

}
